import { describe, expect, it } from 'vitest';
import { graphql, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { ConsentEffect, ConsentPurpose, ConsentStatus, DataClass, IDENTIFICATION, OrganisationKind, type ConsentTerms } from '@jalon/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';
import { ConsentScope, type ConsentSubject } from './consent-scope';
import { guardSchema } from './operation-access';

/**
 * The guard decides consent on the fields where there is something to decide, and leaves the
 * others plain: what this spec holds is that leaving them plain shows nothing the object's own
 * decision did not allow. A commune with a consent sharing Lina's pathway status, none for Marc.
 */
const COMMUNE = '00000000-0000-4000-8000-00000000000c';
const LINA = '00000000-0000-4000-8000-0000000000a1';
const MARC = '00000000-0000-4000-8000-0000000000a2';
const NOW = new Date('2026-12-06T10:00:00Z');

const consent: ConsentTerms = {
  id: '00000000-0000-4000-8000-0000000000f1',
  participantId: LINA,
  grantee: { organisationId: COMMUNE },
  effect: ConsentEffect.GRANT,
  dataClasses: [DataClass.PATHWAY_STATUS],
  stageScope: { all: true },
  purpose: ConsentPurpose.REFERRAL_FOLLOW_UP,
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: null,
  status: ConsentStatus.ACTIVE,
};

interface Person {
  name: string;
  phone: string;
  status: string;
  consentSubject?: ConsentSubject;
}

function schemaOver(people: Person[]): GraphQLSchema {
  const person = new GraphQLObjectType({
    name: 'Person',
    extensions: { sharedAs: IDENTIFICATION },
    fields: {
      name: { type: new GraphQLNonNull(GraphQLString), extensions: { dataClass: IDENTIFICATION } },
      phone: { type: GraphQLString, extensions: { dataClass: DataClass.IDENTITY_CONTACT } },
      status: { type: GraphQLString, extensions: { dataClass: DataClass.PATHWAY_STATUS } },
      // A value a resolver of its own computes: consent decides on the field, before calling it.
      contact: {
        type: GraphQLString,
        extensions: { dataClass: DataClass.IDENTITY_CONTACT },
        resolve: (p: Person) => `tél. ${p.phone}`,
      },
    },
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { people: { type: new GraphQLList(person), extensions: { allow: 'PUBLIC' }, resolve: () => people } },
  });
  return guardSchema(new GraphQLSchema({ query }));
}

function asCommune(schema: GraphQLSchema, source = '{ people { name phone status } }', variableValues?: Record<string, unknown>) {
  const actor = { membership: { tenantId: 't', organisationId: COMMUNE, organisationKind: OrganisationKind.COMMUNE } };
  const scope = ConsentScope.forRequest({} as EntityManager, actor, NOW, [consent]);
  const context = { consent: scope, redactions: [] as RequestContext['redactions'] } as unknown as RequestContext;
  return graphql({ schema, source, variableValues, contextValue: context }).then((result) => ({ result, context, scope }));
}

const person = (name: string, participantId: string, itemClass: ConsentSubject['itemClass'] = IDENTIFICATION): Person => ({
  name,
  phone: '06 00 00 00 00',
  status: 'IN_PROGRESS',
  consentSubject: { participantId, itemClass },
});

describe('consent decided on the fields that need it', () => {
  it('shows a shared person with her fields of the shared classes, and nobody else', async () => {
    const { result, context, scope } = await asCommune(schemaOver([person('Lina', LINA), person('Marc', MARC)]));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ people: [{ name: 'Lina', phone: null, status: 'IN_PROGRESS' }] });
    expect(context.redactions).toEqual([{ path: 'people.0.phone', dataClass: DataClass.IDENTITY_CONTACT }]);
    expect([...scope.reads.keys()]).toEqual([LINA]);
    expect([...scope.reads.get(LINA)!.classes].sort()).toEqual([DataClass.PATHWAY_STATUS, IDENTIFICATION].sort());
  });

  it('leaves plain the fields of the object’s own class and the values decided with it, and guards a resolver of another class', () => {
    const fields = (schemaOver([]).getType('Person') as GraphQLObjectType).getFields();
    expect(fields.name!.resolve).toBeUndefined();
    expect(fields.phone!.resolve).toBeUndefined();
    expect(fields.status!.resolve).toBeUndefined();
    expect(fields.contact!.resolve).toBeTypeOf('function');
  });

  it('withholds a field decided with its object under every alias and fragment that selects it, and logs no read of it', async () => {
    const people = [person('Marc', MARC), person('Lina', LINA)];
    const lina = people[1]!;
    const { result, context, scope } = await asCommune(
      schemaOver(people),
      `query($more: Boolean!) { people { ... on Person { tel: phone } ...F contact s: status, skipped: phone @include(if: $more) } }
       fragment F on Person { phone name }`,
      { more: false },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ people: [{ tel: null, phone: null, name: 'Lina', contact: null, s: 'IN_PROGRESS' }] });
    expect(context.redactions.map((r) => r.path).sort()).toEqual(['people.0.contact', 'people.0.phone', 'people.0.tel']);
    expect([...scope.reads.get(LINA)!.classes].sort()).toEqual([DataClass.PATHWAY_STATUS, IDENTIFICATION].sort());
    // The object the resolver made is left as it was: it is withheld in the answer only.
    expect(lina.phone).toBe('06 00 00 00 00');
  });

  it('decides the fields of a staff member’s preview for the partner previewed, and shows the staff’s own objects whole', async () => {
    const preview = ConsentScope.preview({} as EntityManager, 't', { organisationId: COMMUNE, organisationKind: OrganisationKind.COMMUNE }, LINA, NOW);
    (preview as unknown as { byParticipant: Map<string, ConsentTerms[]> }).byParticipant = new Map([[LINA, [consent]]]);
    const previewed: Person = { ...person('Lina', LINA), consentSubject: { participantId: LINA, itemClass: IDENTIFICATION, scope: preview } };
    const staff = ConsentScope.forRequest({} as EntityManager, null, NOW);
    const context = { consent: staff, redactions: [] as RequestContext['redactions'] } as unknown as RequestContext;
    const result = await graphql({ schema: schemaOver([previewed, person('Marc', MARC)]), source: '{ people { name phone status } }', contextValue: context });
    expect(result.data).toEqual({
      people: [
        { name: 'Lina', phone: null, status: 'IN_PROGRESS' },
        { name: 'Marc', phone: '06 00 00 00 00', status: 'IN_PROGRESS' },
      ],
    });
    expect(context.redactions).toEqual([{ path: 'people.0.phone', dataClass: DataClass.IDENTITY_CONTACT }]);
  });

  it('shows nothing of an object that claims another class than its type’s', async () => {
    const { result } = await asCommune(schemaOver([person('Lina', LINA, DataClass.PATHWAY_STATUS)]));
    expect(result.data).toEqual({ people: null });
    expect(result.errors?.[0]?.message).toBe('Person object shown under PATHWAY_STATUS, not IDENTIFICATION');
  });

  it('shows nothing of an object that does not say whose data it is', async () => {
    const { result } = await asCommune(schemaOver([{ name: 'Lina', phone: '06', status: 'IN_PROGRESS' }]));
    expect(result.data).toEqual({ people: null });
    expect(result.errors?.[0]?.message).toBe('Person object without a consent subject');
  });
});
