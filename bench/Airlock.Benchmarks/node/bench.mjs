// Times the reference Cedar engine (@cedar-policy/cedar-wasm) on the workload that
// `dotnet run -c Release --project bench/Airlock.Benchmarks -- compare` writes, and records
// its decisions so the C# side can check that both engines agree.
//
//   node bench.mjs <folder>
//
// Reads from <folder>: settings.json, policies-<N>.cedar, entities.json, entities-slice.json
// (the entities the benchmark request can reach), request.json, requests.json, schema.cedarschema.
// Writes <folder>/results.json. Progress goes to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node bench.mjs <folder>');
  process.exit(2);
}

const read = (name) => readFileSync(join(folder, name), 'utf8');
const settings = JSON.parse(read('settings.json'));
const entities = JSON.parse(read('entities.json'));
const slice = JSON.parse(read('entities-slice.json'));
const request = JSON.parse(read('request.json'));
const requests = JSON.parse(read('requests.json'));
const schema = read('schema.cedarschema');

function check(answer, what) {
  if (answer.type !== 'success') {
    throw new Error(`${what} failed: ${JSON.stringify(answer.errors ?? answer)}`);
  }
  return answer;
}

function summarize(answer) {
  const { decision, diagnostics } = check(answer, 'isAuthorized').response;
  return {
    decision,
    reasons: [...diagnostics.reason].sort(),
    errors: diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`),
  };
}

// The same warm-up rule as the C# side: at least `warmupCalls` calls and at least `warmupMs` of calling,
// so that V8's optimizing tiers (and .NET's tiered JIT on the other side) are in place before timing.
function measure(call, { iterations, warmupCalls, warmupMs } = settings) {
  const start = process.hrtime.bigint();
  const warmupNs = BigInt(warmupMs) * 1_000_000n;
  for (let n = 0; n < warmupCalls || process.hrtime.bigint() - start < warmupNs; n++) {
    call();
  }
  const samples = new Float64Array(iterations);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    call();
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  samples.sort();
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] / 1000;
  return { medianUs: at(0.5), p90Us: at(0.9), samples: samples.length };
}

const results = {
  engine: '@cedar-policy/cedar-wasm',
  cedarVersion: cedar.getCedarVersion(),
  node: process.version,
  decisions: {},
  timings: {},
  validation: {},
};

for (const count of settings.policyCounts) {
  const policies = { staticPolicies: read(`policies-${count}.cedar`) };

  // Every policy must also pass the reference validator, or "parse and validate" would time error paths.
  const validation = cedar.validate({ schema, policies, validationSettings: { mode: 'strict' } });
  check(validation, 'validate');
  results.validation[count] = {
    errors: validation.validationErrors.map((e) => `${e.policyId}: ${e.error.message}`),
    warnings: validation.validationWarnings.length,
  };

  results.decisions[count] = requests.map((r) => summarize(cedar.isAuthorized({ ...r, policies, entities })));

  // Stateless: what `isAuthorized` costs per call; it parses the policy text and the entities every time.
  const call = { ...request, policies, entities };
  summarize(cedar.isAuthorized(call));
  const stateless = measure(() => cedar.isAuthorized(call));

  // Preparsed: the policy set is parsed once into the module's cache; entities are still converted per call.
  const id = `airlock-${count}`;
  check(cedar.preparsePolicySet(id, policies), 'preparsePolicySet');
  const statefulCall = { ...request, preparsedPolicySetId: id, entities };
  summarize(cedar.statefulIsAuthorized(statefulCall));
  const stateful = measure(() => cedar.statefulIsAuthorized(statefulCall));

  // Preparsed, and given only the entities this request can reach: the cheapest way to call the reference.
  const slicedCall = { ...request, preparsedPolicySetId: id, entities: slice };
  const slicedDecision = summarize(cedar.statefulIsAuthorized(slicedCall));
  const sliced = measure(() => cedar.statefulIsAuthorized(slicedCall));

  results.timings[count] = { isAuthorized: stateless, statefulIsAuthorized: stateful, statefulSliced: sliced };
  results.slicedDecision ??= {};
  results.slicedDecision[count] = slicedDecision;
  console.error(
    `cedar-wasm ${count} policies: isAuthorized ${stateless.medianUs.toFixed(1)} µs, ` +
      `statefulIsAuthorized ${stateful.medianUs.toFixed(1)} µs, with ${slice.length} sliced entities ` +
      `${sliced.medianUs.toFixed(1)} µs (median of ${stateless.samples})`,
  );
}

// Loading: what a reload costs, timed with the same sampler but fewer samples, since each call takes milliseconds.
const largest = Math.max(...settings.policyCounts);
const largestText = read(`policies-${largest}.cedar`);
const loadSettings = { iterations: settings.loadIterations, warmupCalls: settings.loadWarmupCalls, warmupMs: settings.warmupMs };
const measureLoad = (call) => measure(call, loadSettings);
results.load = {
  parse: measureLoad(() => check(cedar.checkParsePolicySet({ staticPolicies: largestText }), 'checkParsePolicySet')),
  parseAndValidate: measureLoad(() =>
    check(cedar.validate({ schema, policies: { staticPolicies: largestText }, validationSettings: { mode: 'strict' } }), 'validate'),
  ),
  entities: measureLoad(() => check(cedar.checkParseEntities({ entities }), 'checkParseEntities')),
};
console.error(
  `cedar-wasm loading: parse ${largest} policies ${(results.load.parse.medianUs / 1000).toFixed(1)} ms, ` +
    `parse+validate ${(results.load.parseAndValidate.medianUs / 1000).toFixed(1)} ms, ` +
    `entities ${(results.load.entities.medianUs / 1000).toFixed(1)} ms`,
);

writeFileSync(join(folder, 'results.json'), JSON.stringify(results, null, 2));
