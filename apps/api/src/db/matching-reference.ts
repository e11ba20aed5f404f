import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tradeLinksOf } from '@jalon/domain';
import { closeTradesOf, communeCatalog, communeIntercommunalities, romeCatalog } from '@jalon/reference-data/node';
import { lockForTransaction } from './advisory-lock';

/**
 * The reference data the job matching joins on in SQL (modules/offers/job-matching.query.ts): which
 * offers' trades each target trade leads to (`trade_link`) and where each commune lies
 * (`commune_area`). They are copies of the shipped packages, loaded at start-up when the packages
 * changed (a digest says so), so a newer ROME export or geography needs no migration.
 */
function referenceRows() {
  const trades = romeCatalog().trades();
  const sheets = new Map<string, string[]>();
  for (const trade of trades) sheets.set(trade.parentCode, [...(sheets.get(trade.parentCode) ?? []), trade.code]);
  const sheetOf = (code: string) => sheets.get(romeCatalog().getTrade(code)!.parentCode)!.filter((other) => other !== code);
  const tradeLinks = trades.flatMap((trade) => tradeLinksOf(trade.code, sheetOf, closeTradesOf));
  const intercommunalities = communeIntercommunalities();
  const communeAreas = communeCatalog()
    .communes()
    .map((commune) => ({ code: commune.code, intercommunality: intercommunalities.get(commune.code) ?? null, departement: commune.departementCode }));
  return { tradeLinks, communeAreas };
}

/** Loads the matching's reference tables when the shipped data differs from what the database holds. */
export async function syncMatchingReference(em: EntityManager): Promise<boolean> {
  const { tradeLinks, communeAreas } = referenceRows();
  const links = JSON.stringify(tradeLinks);
  const areas = JSON.stringify(communeAreas);
  const digest = createHash('sha256').update(links).update(areas).digest('hex');
  return em.transactional(async (tx) => {
    // Instances starting together load it once.
    await lockForTransaction(tx, 'matching-reference');
    const [held] = await tx.execute<Array<{ digest: string }>>(`select digest from reference_data_state where name = 'matching'`);
    if (held?.digest === digest) return false;
    await tx.execute('delete from trade_link; delete from commune_area;');
    await tx.execute(
      `insert into trade_link (from_code, to_code, match, rank)
       select "from", "to", match::trade_match, rank from jsonb_to_recordset(?::jsonb) as x("from" text, "to" text, match text, rank int)`,
      [links],
    );
    await tx.execute(
      `insert into commune_area (code, intercommunality_code, departement_code)
       select code, intercommunality, departement from jsonb_to_recordset(?::jsonb) as x(code text, intercommunality text, departement text)`,
      [areas],
    );
    await tx.execute(`insert into reference_data_state (name, digest) values ('matching', ?) on conflict (name) do update set digest = excluded.digest`, [
      digest,
    ]);
    return true;
  });
}
