#!/usr/bin/env node
// Measures Cedar's official WebAssembly build on a corpus written by bench/gen_corpus.py --cedar:
// parse the policies and the schema, validate the policies against the schema (strict mode),
// pre-parse them once, then authorize every request with the stateful API. Prints one JSON
// object: for each phase the time of the first (cold) repetition, then the median and minimum
// over --runs further (warm) repetitions, in milliseconds. The first repetition pays for the
// JavaScript engine compiling the WebAssembly to optimised code; a long-running service pays
// that once, a command-line tool on every start.
//
//   node bench/cedar/bench.js CORPUS/cedar [--runs 5] [--requests N] [--decisions FILE]
//
// --decisions FILE writes, per request, Cedar's decision and its determining policies (by
// their @id, the Nomos norm name), for bench/crosscheck.py to compare with `nomos eval`.
'use strict';

const fs = require('fs');
const path = require('path');

function usage(msg) {
  if (msg) process.stderr.write(`bench.js: ${msg}\n`);
  process.stderr.write('usage: node bench.js CEDAR_DIR [--runs N] [--requests N]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let runs = 5;
let maxRequests = Infinity;
let decisionsFile = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = parseInt(args[++i], 10);
  else if (args[i] === '--requests') maxRequests = parseInt(args[++i], 10);
  else if (args[i] === '--decisions') decisionsFile = args[++i];
  else if (!dir) dir = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!dir || !(runs > 0)) usage();

const now = () => Number(process.hrtime.bigint()) / 1e6;

// Loading the module compiles and instantiates the .wasm: Cedar's start-up cost.
let t0 = now();
const cedar = require('@cedar-policy/cedar-wasm/nodejs');
const loadMs = now() - t0;

const policies = fs.readFileSync(path.join(dir, 'policies.cedar'), 'utf8');
const schema = fs.readFileSync(path.join(dir, 'schema.cedarschema'), 'utf8');
const requests = fs.readFileSync(path.join(dir, 'requests.jsonl'), 'utf8')
  .split('\n').filter((l) => l.length > 0).slice(0, maxRequests).map((l) => JSON.parse(l));
const policyCount = (policies.match(/^@id\(/gm) || []).length;

function fail(what, answer) {
  process.stderr.write(`bench.js: ${what} failed: ${JSON.stringify(answer).slice(0, 2000)}\n`);
  process.exit(1);
}

// CPU time of this process (user + system), in milliseconds: steadier than wall time on a
// machine shared with other work.
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const cpuSamples = {};

function timed(fn, phase) {
  const cpu = cpuNow();
  const start = now();
  const result = fn();
  const ms = now() - start;
  (cpuSamples[phase] = cpuSamples[phase] || []).push(cpuNow() - cpu);
  return [ms, result];
}

const samples = { parse_policies: [], parse_schema: [], validate: [], preparse: [], authorize: [] };
let decisions = null;
let validationErrors = 0;
const cold = {};
for (let r = 0; r <= runs; r++) {
  let [ms, ans] = timed(() => cedar.checkParsePolicySet({ staticPolicies: policies }), 'parse_policies');
  if (ans.type !== 'success') fail('parsing the policies', ans);
  samples.parse_policies.push(ms);

  [ms, ans] = timed(() => cedar.checkParseSchema(schema), 'parse_schema');
  if (ans.type !== 'success') fail('parsing the schema', ans);
  samples.parse_schema.push(ms);

  // validate() parses both again, then type-checks every policy against the schema.
  [ms, ans] = timed(() => cedar.validate({ schema, policies: { staticPolicies: policies },
                                           validationSettings: { mode: 'strict' } }), 'validate');
  if (ans.type !== 'success') fail('validation', ans);
  validationErrors = ans.validationErrors.length;
  if (validationErrors > 0 && r === 0) {
    process.stderr.write(`bench.js: ${validationErrors} validation errors, first: ` +
                         `${JSON.stringify(ans.validationErrors[0]).slice(0, 1000)}\n`);
  }
  samples.validate.push(ms);

  [ms, ans] = timed(() => {
    const s = cedar.preparseSchema('bench', schema);
    if (s.type !== 'success') return s;
    return cedar.preparsePolicySet('bench', { staticPolicies: policies });
  }, 'preparse');
  if (ans.type !== 'success') fail('pre-parsing', ans);
  samples.preparse.push(ms);

  const counts = { allow: 0, deny: 0, errors: 0, determining_policies: 0 };
  const answers = [];
  const cpuStart = cpuNow();
  const start = now();
  for (const q of requests) {
    const a = cedar.statefulIsAuthorized({
      principal: q.principal, action: q.action, resource: q.resource, context: q.context,
      entities: q.entities, preparsedPolicySetId: 'bench', preparsedSchemaName: 'bench',
      validateRequest: true,
    });
    if (a.type !== 'success') fail('authorization', a);
    counts[a.response.decision] += 1;
    counts.errors += a.response.diagnostics.errors.length;
    counts.determining_policies += a.response.diagnostics.reason.length;
    if (decisionsFile && r === 0) answers.push(a.response);
  }
  samples.authorize.push(now() - start);
  (cpuSamples.authorize = cpuSamples.authorize || []).push(cpuNow() - cpuStart);
  decisions = counts;
  if (decisionsFile && r === 0) {
    // Policy ids are positions (policy0, …); map them back to the @id annotations.
    const ids = [...policies.matchAll(/^@id\("([^"]*)"\)/gm)].map((m) => m[1]);
    const name = (p) => (/^policy\d+$/.test(p) ? ids[+p.slice(6)] : p);
    fs.writeFileSync(decisionsFile, answers.map((x) => JSON.stringify(
      { decision: x.decision, reason: x.diagnostics.reason.map(name).sort() })).join('\n') + '\n');
  }
  if (r === 0) {
    for (const k of Object.keys(samples)) {
      cold[k] = +samples[k].pop().toFixed(3);
      cpuSamples[k].pop();
    }
  }
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median_ms: +median.toFixed(3), min_ms: +s[0].toFixed(3) };
}

const out = {
  cedar_version: cedar.getCedarVersion(),
  policies: policyCount,
  requests: requests.length,
  runs,
  wasm_load_ms: +loadMs.toFixed(3),
  validation_errors: validationErrors,
  decisions,
  cold_ms: cold,
};
for (const [k, v] of Object.entries(samples)) {
  out[k] = stats(v);
  out[k].cpu_median_ms = stats(cpuSamples[k]).median_ms;
}
out.policies_per_s_validate = Math.round(policyCount / (out.validate.median_ms / 1000));
out.requests_per_s = Math.round(requests.length / (out.authorize.median_ms / 1000));
out.ms_per_request = +(out.authorize.median_ms / requests.length).toFixed(4);
out.cpu_policies_per_s_validate = Math.round(policyCount / (out.validate.cpu_median_ms / 1000));
out.cpu_requests_per_s = Math.round(requests.length / (out.authorize.cpu_median_ms / 1000));
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
