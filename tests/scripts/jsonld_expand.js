#!/usr/bin/env node
// Expands `nomos export --format odrl` documents with a JSON-LD processor (jsonld.js), fully
// offline: the W3C ODRL context comes from the npm package @digitalbazaar/odrl-context, and any
// other remote document is refused. Safe mode makes every lossy step an error, so a key that
// is neither an ODRL term nor one of our `nomos:` IRIs fails the test instead of vanishing.
// Usage: node jsonld_expand.js FILE.jsonld...   (NODE_PATH must reach jsonld and the context)
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');
const odrl = require('@digitalbazaar/odrl-context');

const ODRL = 'http://www.w3.org/ns/odrl/2/';
const contexts = {
  'http://www.w3.org/ns/odrl.jsonld': odrl.CONTEXT_V1,
  'https://www.w3.org/ns/odrl.jsonld': odrl.CONTEXT_V1,
};

async function documentLoader(url) {
  if (url in contexts) return {contextUrl: null, documentUrl: url, document: contexts[url]};
  throw new Error(`refusing to fetch ${url}: the test runs offline`);
}

/// Every @id and @type must be an absolute IRI once expanded.
function checkIris(value, problems, where) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkIris(v, problems, `${where}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === '@id' || key === '@type') {
      for (const iri of [].concat(v)) {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(iri) || iri.startsWith('nomos:')) {
          problems.push(`${where}.${key}: ${JSON.stringify(iri)} is not an absolute IRI`);
        }
      }
    } else if (!key.startsWith('@') && !/^[a-z][a-z0-9+.-]*:/i.test(key)) {
      problems.push(`${where}: property ${JSON.stringify(key)} did not expand to an IRI`);
    }
    checkIris(v, problems, `${where}.${key}`);
  }
}

async function check(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  const expanded = await jsonld.expand(doc, {documentLoader, safe: true});
  checkIris(expanded, problems, '$');
  const compactPolicies = (doc['@graph'] || []).filter((n) => n['@type'] === 'Set');
  const policies = expanded.filter((n) => (n['@type'] || []).includes(ODRL + 'Set'));
  if (policies.length !== compactPolicies.length) {
    problems.push(`${compactPolicies.length} policies written, ${policies.length} after expansion`);
  }
  let rules = 0;
  for (const p of policies) {
    if (!p[ODRL + 'profile']) problems.push(`${p['@id']}: no odrl:profile`);
    for (const kind of ['permission', 'prohibition', 'obligation']) {
      for (const rule of p[ODRL + kind] || []) {
        rules++;
        const action = (rule[ODRL + 'action'] || [])[0];
        if (!action || !action['@id']) problems.push(`${rule['@id']}: no odrl:action IRI`);
        if (!(rule[ODRL + 'assignee'] || [])[0]) problems.push(`${rule['@id']}: no odrl:assignee`);
        if (kind !== 'obligation' && !(rule[ODRL + 'target'] || [])[0]) {
          problems.push(`${rule['@id']}: a ${kind} needs an odrl:target`);
        }
        for (const c of rule[ODRL + 'constraint'] || []) {
          const logical = ['and', 'or', 'xone'].some((k) => c[ODRL + k]);
          if (!logical && !(c[ODRL + 'leftOperand'] && c[ODRL + 'operator'])) {
            problems.push(`${rule['@id']}: a constraint without leftOperand/operator`);
          }
        }
      }
    }
  }
  if (compactPolicies.length > 0 && rules === 0) problems.push('no rules after expansion');
  return {problems, policies: policies.length, rules};
}

(async () => {
  let passed = 0;
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    try {
      const r = await check(file);
      if (r.problems.length) {
        failed++;
        console.log(`FAIL ${file}:`);
        r.problems.slice(0, 20).forEach((p) => console.log(`  ${p}`));
      } else {
        passed++;
        console.log(`ok ${file}: ${r.policies} policies, ${r.rules} rules`);
      }
    } catch (e) {
      failed++;
      console.log(`FAIL ${file}: ${e.message}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || passed === 0 ? 1 : 0);
})();
