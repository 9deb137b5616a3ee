// The hierarchy.v1 API as @grpc/grpc-js sees it, on the Tongzhou sample.
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, load, address, deadline } = require('./client');

const v1 = load('hierarchy/v1/responsibility.proto').hierarchy.v1;
const client = new v1.ResponsibilityService(address, grpc.credentials.createInsecure());

function resolve(request, token = 'demo-service') {
  const metadata = new grpc.Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return new Promise((ok, fail) =>
    client.Resolve(request, metadata, { deadline: deadline(5000) }, (e, r) => (e ? fail(e) : ok(r))));
}

test('a household resolves to its grid with the chain up to the district', async () => {
  const who = await resolve({ householdId: 1, category: 'sewage' });
  assert.equal(who.owner.level, 'GRID');
  assert.equal(who.escalationChain.at(-1).unit.name, '通州区');
  assert.equal(who.department.code, 'water');
});

test('an unknown category is INVALID_ARGUMENT naming the field', async () => {
  await assert.rejects(resolve({ householdId: 1, category: 'ufo' }),
    (e) => e.code === grpc.status.INVALID_ARGUMENT && e.details.startsWith('category'));
});

test('a call without a token is UNAUTHENTICATED', async () => {
  await assert.rejects(resolve({ householdId: 1, category: 'sewage' }, null), (e) => e.code === grpc.status.UNAUTHENTICATED);
});

test.after(() => client.close());
