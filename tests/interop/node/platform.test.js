// The platform as @grpc/grpc-js sees it: health, reflection, streams, errors, deadlines, concurrency.
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, load, address, deadline } = require('./client');

const health = load('grpc/health/v1/health.proto').grpc.health.v1;
const reflection = load('grpc/reflection/v1/reflection.proto').grpc.reflection.v1;
const client = new health.Health(address, grpc.credentials.createInsecure());

const check = (service, ms = 5000) =>
  new Promise((resolve, reject) => client.Check({ service }, { deadline: deadline(ms) }, (e, r) => (e ? reject(e) : resolve(r))));

test('health check of the whole server is serving', async () => {
  const reply = await check('');
  assert.equal(reply.status, 'SERVING');
});

test('an unknown service is NOT_FOUND with its non-ASCII name in the message', async () => {
  await assert.rejects(check('hierarchy.v1.不存在'), (e) => e.code === grpc.status.NOT_FOUND && e.details.includes('hierarchy.v1.不存在'));
});

test('watch streams the current status, then ends at the deadline', async () => {
  const seen = [];
  const status = await new Promise((resolve) => {
    const call = client.Watch({ service: '' }, { deadline: deadline(500) });
    call.on('data', (r) => seen.push(r.status));
    call.on('error', (e) => resolve(e.code));
    call.on('end', () => resolve(grpc.status.OK));
  });
  assert.deepEqual(seen, ['SERVING']);
  assert.equal(status, grpc.status.DEADLINE_EXCEEDED);
});

test('reflection v1 lists the services', async () => {
  const stub = new reflection.ServerReflection(address, grpc.credentials.createInsecure());
  const names = await new Promise((resolve, reject) => {
    const call = stub.ServerReflectionInfo();
    call.on('data', (r) => resolve(r.listServicesResponse.service.map((s) => s.name)));
    call.on('error', reject);
    call.write({ listServices: '' });
    call.end();
  });
  assert.ok(names.includes('grpc.health.v1.Health'));
  assert.ok(names.includes('grpc.reflection.v1.ServerReflection'));
  stub.close();
});

test('two hundred concurrent calls on one channel all succeed', async () => {
  const replies = await Promise.all(Array.from({ length: 200 }, () => check('', 30000)));
  assert.equal(replies.filter((r) => r.status === 'SERVING').length, 200);
});

test('an unknown method is UNIMPLEMENTED', async () => {
  const raw = new grpc.Client(address, grpc.credentials.createInsecure());
  const code = await new Promise((resolve) =>
    raw.makeUnaryRequest('/hierarchy.v1.Nothing/Here', (x) => x, (x) => x, Buffer.alloc(0), (e) => resolve(e && e.code)));
  assert.equal(code, grpc.status.UNIMPLEMENTED);
  raw.close();
});

test.after(() => client.close());
