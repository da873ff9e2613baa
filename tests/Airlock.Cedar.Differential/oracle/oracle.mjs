// The reference Cedar engine (npm @cedar-policy/cedar-wasm, pinned in package.json) behind a
// JSON-lines protocol: one request object per stdin line, one answer object per stdout line, in order.
// Airlock's conformance runner and differential tester drive it; see README.md beside this file.
//
// Every request may carry an `id`, echoed in the answer. Operations (`op`):
//   authorize   {policies, entities, schema?, principal, action, resource, context, validateRequest?}
//               -> {ok: true, decision, reason: [ids], errors: [ids], errorMessages}
//                | {ok: false, stage: 'policies'|'schema'|'entities'|'context'|'request', messages}
//               ('request' means request validation failed; 'context' covers entity references too)
//   validate    {policies, schema} -> {ok: true, valid, messages} | {ok: false, messages}
//   parse       {policies} -> {ok, messages}
//   parseSchema {schema} -> {ok, messages}
//   parseEntities {entities, schema?} -> {ok, messages}
//   parseContext  {context, schema?, action} -> {ok, messages}   (parses, then checks the action's context type)
//   version     {} -> {cedar, lang, sdk}
// Schemas are Cedar schema text (a string) or the JSON schema format (an object), as cedar-wasm takes them.
// JavaScript numbers are doubles: callers must keep integers beyond +-2^53 out of entities and contexts.
import { createInterface } from 'node:readline';
import cedar from '@cedar-policy/cedar-wasm/nodejs';

const messagesOf = (errors) => (errors ?? []).map((e) => e.message + (e.help ? ` (help: ${e.help})` : ''));

const checkAnswer = (answer) =>
  answer.type === 'success' ? { ok: true, messages: [] } : { ok: false, messages: messagesOf(answer.errors) };

const schemaOrUndefined = (schema) => (schema === null || schema === undefined ? undefined : schema);

// Parsing a schema costs milliseconds in wasm, so schemas and policy sets are parsed once and kept in
// cedar-wasm's own cache (preparseSchema / preparsePolicySet), under a bounded ring of names.
class Preparsed {
  constructor(preparse, size = 256) {
    this.preparse = preparse;
    this.byKey = new Map();
    this.keys = new Array(size);
    this.next = 0;
  }

  // -> { name } when the input parses, { messages } when it does not.
  get(key, input) {
    let entry = this.byKey.get(key);
    if (entry) return entry;
    const slot = this.next;
    this.next = (this.next + 1) % this.keys.length;
    if (this.keys[slot] !== undefined) this.byKey.delete(this.keys[slot]);
    const name = `p${slot}`;
    const answer = this.preparse(name, input);
    entry = answer.type === 'success' ? { name } : { messages: messagesOf(answer.errors) };
    this.keys[slot] = key;
    this.byKey.set(key, entry);
    return entry;
  }
}

const schemas = new Preparsed((name, schema) => cedar.preparseSchema(name, schema));
const policySets = new Preparsed((name, text) => cedar.preparsePolicySet(name, { staticPolicies: text }));
const schemaKey = (schema) => (typeof schema === 'string' ? schema : `json:${JSON.stringify(schema)}`);

function authorize(req) {
  const schema = schemaOrUndefined(req.schema);
  const parsedSchema = schema === undefined ? {} : schemas.get(schemaKey(schema), schema);
  if (parsedSchema.messages) return { ok: false, stage: 'schema', messages: parsedSchema.messages };
  const parsedPolicies = policySets.get(req.policies, req.policies);
  if (parsedPolicies.messages) return { ok: false, stage: 'policies', messages: parsedPolicies.messages };
  // Same parsing and request validation as isAuthorized, minus re-parsing the schema and policies.
  const call = {
    principal: req.principal,
    action: req.action,
    resource: req.resource,
    context: req.context ?? {},
    preparsedSchemaName: parsedSchema.name,
    validateRequest: req.validateRequest ?? true,
    preparsedPolicySetId: parsedPolicies.name,
    entities: req.entities ?? [],
  };
  const answer = cedar.statefulIsAuthorized(call);
  if (answer.type !== 'success') return { ok: false, stage: rejectedStage(call, schema), messages: messagesOf(answer.errors) };
  const { decision, diagnostics } = answer.response;
  return {
    ok: true,
    decision,
    reason: diagnostics.reason,
    errors: diagnostics.errors.map((e) => e.policyId),
    errorMessages: diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`),
  };
}

// Which input a failed authorization rejected, in the Rust harness's terms: 'request' when only request
// validation failed (a context of the wrong type fails there, not in parsing), else 'entities' when the
// entities do not parse against the schema, else 'context' (the context or an entity reference does not parse).
function rejectedStage(call, schema) {
  if (call.validateRequest && cedar.statefulIsAuthorized({ ...call, validateRequest: false }).type === 'success') return 'request';
  if (cedar.checkParseEntities({ entities: call.entities, schema }).type !== 'success') return 'entities';
  return 'context';
}

function validate(req) {
  const answer = cedar.validate({
    validationSettings: { mode: 'strict' },
    schema: req.schema,
    policies: { staticPolicies: req.policies },
  });
  if (answer.type !== 'success') return { ok: false, messages: messagesOf(answer.errors) };
  // Warnings never make a policy set invalid, exactly as in the Rust integration-test harness.
  const errors = answer.validationErrors;
  return {
    ok: true,
    valid: errors.length === 0,
    messages: errors.map((e) => `${e.policyId}: ${e.error.message}`),
  };
}

const parsedAnswer = (entry) => (entry.messages ? { ok: false, messages: entry.messages } : { ok: true, messages: [] });

const operations = {
  authorize,
  validate,
  parse: (req) => parsedAnswer(policySets.get(req.policies, req.policies)),
  parseSchema: (req) => parsedAnswer(schemas.get(schemaKey(req.schema), req.schema)),
  parseEntities: (req) =>
    checkAnswer(cedar.checkParseEntities({ entities: req.entities, schema: schemaOrUndefined(req.schema) })),
  parseContext: (req) =>
    checkAnswer(
      cedar.checkParseContext({ context: req.context, schema: schemaOrUndefined(req.schema), action: req.action }),
    ),
  version: () => ({ cedar: cedar.getCedarVersion(), lang: cedar.getCedarLangVersion(), sdk: cedar.getCedarSDKVersion() }),
};

function answer(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { crash: `request is not JSON: ${e.message}` };
  }
  const op = operations[req.op];
  if (!op) return { id: req.id, crash: `unknown op \`${req.op}\`` };
  try {
    return { id: req.id, ...op(req) };
  } catch (e) {
    // cedar-wasm throws (rather than answering failure) when the input does not fit its call type.
    return { id: req.id, crash: String(e?.message ?? e) };
  }
}

// Answers are gathered and written once per input burst: one write per line would dominate the cost.
let pending = [];
let flushScheduled = false;
function flush() {
  flushScheduled = false;
  if (pending.length === 0) return;
  const text = pending.join('\n') + '\n';
  pending = [];
  process.stdout.write(text);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  pending.push(JSON.stringify(answer(line)));
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
});
lines.on('close', flush);
