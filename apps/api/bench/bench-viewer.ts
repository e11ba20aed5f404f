// Apart from the dataset's code: the peer's server (tools/bench-peer) reads it without the API's.
/** Who the requests are made as, with the settings row-level security reads for each. */
export interface BenchViewer {
  email: string;
  tenantId: string;
  userId: string;
  organisationId: string;
  membershipId: string;
  staff: boolean;
}
