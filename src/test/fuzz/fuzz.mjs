// Fuzzes FollowThrough's API from its OpenAPI description and reports every answer outside the
// documented shapes. Run by ApiFuzzTest against a server it started:
//
//   node fuzz.mjs <description.json> <base URL> <work dir> <roles.json>
//
// roles.json: [{"role": "ADMIN", "username": "...", "password": "...", "resources": {...}}, ...] ("token"
// instead of username and password also works); resources are path parameter values naming the role's
// own real resources, by path prefix: {"/api/v1/prospects/{id}": {"id": "..."}}
//
// 1. Portman turns the description into a Postman collection: one request per operation with a body
//    made from the schema, and its fuzzing variations (required fields left out, numbers below the
//    minimum and above the maximum, strings too short and too long) wherever the description declares
//    such a constraint.
// 2. Portman only fuzzes what the description constrains, so every operation also gets variations
//    made here from its parameters and body schema: each property of the wrong type, each property
//    null, an empty object, a JSON array, malformed JSON, each path parameter malformed, each query
//    parameter of the wrong type or an unknown enum value.
// 3. newman sends the collection once per role; every answer is checked against the description: no
//    5xx; the status documented for the operation; the media type documented for that status; a JSON
//    body valid against its documented schema (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses); an
//    error answered as application/problem+json with a detail. Portman's own assertions on its
//    variations (a fuzzed request is refused with 400) count too.
//
// Prints one line "FINDING {json}" per finding and a last line "SUMMARY {json}".
//
// package.json lists tslib beside Portman because Portman 1.33.0 requires it without declaring it.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const newman = require('newman');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const here = path.dirname(fileURLToPath(import.meta.url));
const [descriptionFile, baseUrl, workDir, rolesFile] = process.argv.slice(2);
const description = JSON.parse(fs.readFileSync(descriptionFile, 'utf8'));
const roles = JSON.parse(fs.readFileSync(rolesFile, 'utf8'));
// each real resource becomes a variable, set for each role to that role's own resource
const resourcePrefixes = [...new Set(roles.flatMap((role) => Object.keys(role.resources || {})))];
function resourceVariable(prefix, parameter) {
  return `resource${resourcePrefixes.indexOf(prefix)}_${parameter}`;
}
fs.mkdirSync(workDir, { recursive: true });

// ---- 1. Portman: the collection with its fuzzing variations
const collectionFile = path.join(workDir, 'collection.json');
const portman = spawnSync(
  process.execPath,
  [
    path.join(here, 'node_modules/@apideck/portman/bin/portman'),
    '--local', path.resolve(descriptionFile),
    '--baseUrl', baseUrl,
    '--portmanConfigFile', path.join(here, 'portman-config.json'),
    '--output', collectionFile,
    '--warn', 'false',
  ],
  { cwd: workDir, encoding: 'utf8', timeout: 180_000 },
);
if (portman.status !== 0 || !fs.existsSync(collectionFile)) {
  console.error(portman.stdout, portman.stderr);
  throw new Error('Portman could not convert the description');
}
const collection = JSON.parse(fs.readFileSync(collectionFile, 'utf8'));

// ---- the operations of the description, to match a request to its operation
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = [];
for (const [template, item] of Object.entries(description.paths)) {
  for (const method of METHODS) {
    if (!item[method]) continue;
    const names = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name) => {
      names.push(name);
      return '([^/]+)';
    });
    const parameters = [...(item.parameters || []), ...(item[method].parameters || [])];
    operations.push({
      method: method.toUpperCase(),
      template,
      regex: new RegExp('^' + pattern + '$'),
      literal: template.replace(/\{[^}]+\}/g, '').length,
      operation: item[method],
      parameters,
      key: method.toUpperCase() + ' ' + template,
    });
  }
}
// a literal segment wins over a parameter (/prospects/export before /prospects/{id})
operations.sort((a, b) => b.literal - a.literal);

function operationOf(method, pathname) {
  return operations.find((op) => op.method === method && op.regex.test(pathname));
}

function resolve(schema) {
  let s = schema;
  const seen = new Set();
  while (s && s.$ref && !seen.has(s.$ref)) {
    seen.add(s.$ref);
    s = s.$ref.split('/').slice(1).reduce((node, part) => node && node[part.replace(/~1/g, '/').replace(/~0/g, '~')], description);
  }
  return s || {};
}

function typesOf(schema) {
  const s = resolve(schema);
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.enum) return ['string'];
  if (s.properties) return ['object'];
  return [];
}

// a value no schema of these types accepts
function wrongTypeFor(schema) {
  const types = typesOf(schema);
  if (types.includes('object') || types.includes('array')) return 'not-a-structure';
  if (types.includes('string')) return { unexpected: ['object'] };
  if (types.includes('integer') || types.includes('number')) return 'not-a-number';
  if (types.includes('boolean')) return 'not-a-boolean';
  return { unexpected: ['object'] };
}

// ---- 2. variations of our own for every operation
function clone(item, name) {
  const copy = JSON.parse(JSON.stringify(item));
  delete copy.id;
  delete copy.event; // Portman's checks were for the request as it was
  delete copy.response;
  copy.name = name;
  copy.request.name = name;
  return copy;
}

function withBody(item, name, raw) {
  const copy = clone(item, name);
  copy.request.body = { mode: 'raw', raw, options: { raw: { language: 'json' } } };
  return copy;
}

function ourVariations(item, op) {
  const out = [];
  const body = op.operation.requestBody;
  const json = body && body.content && body.content['application/json'];
  if (json) {
    const schema = resolve(json.schema);
    let example = {};
    try {
      example = JSON.parse(item.request.body && item.request.body.raw ? item.request.body.raw : '{}');
    } catch {
      example = {};
    }
    out.push(withBody(item, `${item.name} [fuzz: malformed JSON]`, '{"unclosed": '));
    out.push(withBody(item, `${item.name} [fuzz: JSON array for an object]`, '[]'));
    if (schema.properties) {
      out.push(withBody(item, `${item.name} [fuzz: empty object]`, '{}'));
      for (const [property, propertySchema] of Object.entries(schema.properties)) {
        const base = example && typeof example === 'object' && !Array.isArray(example) ? example : {};
        out.push(withBody(item, `${item.name} [fuzz: ${property} of the wrong type]`,
          JSON.stringify({ ...base, [property]: wrongTypeFor(propertySchema) })));
        out.push(withBody(item, `${item.name} [fuzz: ${property} null]`, JSON.stringify({ ...base, [property]: null })));
      }
    }
  }
  for (const parameter of op.parameters) {
    if (parameter.in === 'path') {
      const copy = clone(item, `${item.name} [fuzz: path ${parameter.name} malformed]`);
      for (const variable of copy.request.url.variable || []) {
        if (variable.key === parameter.name) variable.value = 'not-an-id';
      }
      out.push(copy);
    }
    if (parameter.in === 'query') {
      const schema = resolve(parameter.schema);
      const value = schema.enum ? 'NOT_ONE_OF_THEM'
        : typesOf(schema).some((t) => t === 'integer' || t === 'number') ? 'not-a-number'
          : typesOf(schema).includes('boolean') ? 'not-a-boolean'
            : schema.format ? `not-a-${schema.format}` : null;
      if (value === null) continue;
      const copy = clone(item, `${item.name} [fuzz: query ${parameter.name}=${value}]`);
      copy.request.url.query = (copy.request.url.query || []).filter((q) => q.key !== parameter.name);
      copy.request.url.query.push({ key: parameter.name, value });
      out.push(copy);
    }
  }
  return out;
}

// flatten Portman's folders, point path parameters at real resources where we have them
const items = [];
(function flatten(list) {
  for (const entry of list) {
    if (entry.item) flatten(entry.item);
    else items.push(entry);
  }
})(collection.item);

function pathOf(item) {
  return '/' + item.request.url.path.join('/');
}

function templateOf(item) {
  // Portman writes path parameters as ":name"
  return '/' + item.request.url.path.map((segment) => segment.startsWith(':') ? `{${segment.slice(1)}}` : segment).join('/');
}

const byTemplate = new Map(operations.map((op) => [op.method + ' ' + op.template, op]));
const planned = [];
const streams = [];
const uncovered = new Set(operations.map((op) => op.key));
for (const item of items) {
  const op = byTemplate.get(item.request.method + ' ' + templateOf(item));
  if (!op) continue;
  uncovered.delete(op.key);
  for (const prefix of resourcePrefixes) {
    if (op.template.startsWith(prefix)) {
      const parameters = new Set(roles.flatMap((role) => Object.keys((role.resources || {})[prefix] || {})));
      for (const variable of item.request.url.variable || []) {
        if (parameters.has(variable.key)) variable.value = `{{${resourceVariable(prefix, variable.key)}}}`;
      }
    }
  }
  // the live stream never ends: it is checked on its own below
  if ((op.operation.responses['200'] || {}).content && op.operation.responses['200'].content['text/event-stream']) {
    streams.push({ op, item });
    continue;
  }
  delete item.request.auth; // the role's credentials, set on the collection for each run
  planned.push(item);
  if (!/\]\[/.test(item.name)) planned.push(...ourVariations(item, op)); // Portman's main request, not its variations
}
// what erases or revokes goes last, so the rest runs against resources that still exist
planned.sort((a, b) => (a.request.method === 'DELETE') - (b.request.method === 'DELETE'));

// ---- 3. send everything as each role and check every answer
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
// the OpenAPI format registry's dates and times without an offset
ajv.addFormat('date-time-local', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/);
ajv.addFormat('time-local', /^\d\d:\d\d(:\d\d(\.\d+)?)?$/);
ajv.addSchema({ ...description, $id: 'openapi.json' });
const validators = new Map();
function validatorFor(op, status, mediaType) {
  const key = `${op.key} ${status} ${mediaType}`;
  if (!validators.has(key)) {
    const response = op.operation.responses[status];
    const schema = response.content[mediaType].schema;
    const pointer = ['#', 'paths', op.template.replace(/~/g, '~0').replace(/\//g, '~1'), op.method.toLowerCase(),
      'responses', status, 'content', mediaType.replace(/~/g, '~0').replace(/\//g, '~1'), 'schema'].join('/');
    validators.set(key, schema ? ajv.compile({ $ref: 'openapi.json' + pointer }) : null);
  }
  return validators.get(key);
}

function documentedResponse(op, status) {
  const responses = op.operation.responses;
  const code = String(status);
  if (responses[code]) return code;
  const range = code[0] + 'XX';
  if (responses[range]) return range;
  if (responses.default) return 'default';
  return null;
}

const findings = [];
let lastStatus = 0;
const seen = new Set();
let requests = 0;
const perRole = {};

function excerpt(text) {
  const t = (text || '').replace(/\s+/g, ' ');
  return t.length > 300 ? t.slice(0, 300) + '…' : t;
}

function check(role, name, method, url, requestBody, status, contentType, bodyText) {
  const pathname = new URL(url).pathname;
  const op = operationOf(method, pathname);
  const problems = [];
  const mediaType = (contentType || '').split(';')[0].trim().toLowerCase();
  if (!op) {
    problems.push('no operation of the description matches this request');
  } else {
    if (status >= 500) problems.push(`a ${status} (server error)`);
    const documented = documentedResponse(op, status);
    if (!documented) {
      problems.push(`status ${status} is not documented (documented: ${Object.keys(op.operation.responses).join(', ')})`);
    } else {
      const content = op.operation.responses[documented].content || {};
      const types = Object.keys(content);
      if (types.length === 0) {
        if (bodyText && bodyText.length > 0) problems.push(`a body where ${documented} documents none`);
      } else if (!types.includes(mediaType)) {
        problems.push(`media type "${mediaType}" is not documented for ${documented} (documented: ${types.join(', ')})`);
      } else if (mediaType.endsWith('json')) {
        let parsed;
        try {
          parsed = JSON.parse(bodyText);
        } catch {
          problems.push(`the body is not JSON though typed ${mediaType}`);
        }
        if (parsed !== undefined) {
          const validate = validatorFor(op, documented, mediaType);
          if (validate && !validate(parsed)) {
            problems.push('the body does not match its documented schema: ' + ajv.errorsText(validate.errors, { dataVar: 'body' }));
          }
        }
      }
    }
    if (status >= 400) {
      if (mediaType !== 'application/problem+json') {
        problems.push(`an error answered as "${mediaType || 'no body'}", not application/problem+json`);
      } else {
        try {
          const problem = JSON.parse(bodyText);
          if (typeof problem.detail !== 'string' || problem.detail.trim() === '') problems.push('problem details without a detail');
        } catch {
          // reported above
        }
      }
    }
  }
  if (problems.length) {
    const finding = {
      role,
      operation: op ? op.key : `${method} ${pathname}`,
      variation: name,
      request: `${method} ${url}` + (requestBody ? ` ${excerpt(requestBody)}` : ''),
      status,
      contentType: contentType || '',
      body: excerpt(bodyText),
      problems,
    };
    const key = `${finding.operation}|${status}|${problems.join('|').replace(/\d+/g, '#')}|${role}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(finding);
      console.log('FINDING ' + JSON.stringify(finding));
    }
  }
}

function runAs(role) {
  const auth = role.token
    ? { type: 'bearer', bearer: [{ key: 'token', value: role.token, type: 'string' }] }
    : { type: 'basic', basic: [{ key: 'username', value: role.username, type: 'string' }, { key: 'password', value: role.password, type: 'string' }] };
  const runCollection = { info: collection.info, item: planned, variable: collection.variable, auth };
  return new Promise((resolveRun, reject) => {
    newman
      .run({
        collection: runCollection,
        envVar: [
          { key: 'baseUrl', value: baseUrl },
          ...Object.entries(role.resources || {}).flatMap(([prefix, values]) =>
            Object.entries(values).map(([parameter, value]) => ({ key: resourceVariable(prefix, parameter), value }))),
        ],
        reporters: [],
        timeoutRequest: 30_000,
        ignoreRedirects: true,
      })
      .on('request', (error, args) => {
        requests++;
        perRole[role.role] = (perRole[role.role] || 0) + 1;
        const method = args.request.method;
        const url = args.request.url.toString();
        const body = args.request.body && args.request.body.raw ? args.request.body.raw : '';
        if (error || !args.response) {
          findings.push({ role: role.role, operation: `${method} ${url}`, variation: args.item.name, request: `${method} ${url}`, status: 0, contentType: '', body: String(error), problems: ['no answer'] });
          console.log('FINDING ' + JSON.stringify(findings[findings.length - 1]));
          return;
        }
        const response = args.response;
        lastStatus = response.code;
        if (process.env.FUZZ_VERBOSE) console.error(`${role.role} ${response.code} ${response.responseTime}ms ${method} ${url} ${args.item.name}`);
        check(role.role, args.item.name, method, url, body, response.code, response.headers.get('Content-Type'),
          response.stream ? response.stream.toString('utf8') : '');
      })
      .on('assertion', (error, args) => {
        // Portman expects its fuzzed requests refused with 400 whoever sends them; a role that may not
        // call the operation is refused with 401/403 before its input is looked at (checked above all the same)
        if (!error || lastStatus === 401 || lastStatus === 403) return;
        const finding = { role: role.role, operation: args.item.name, variation: args.item.name, request: '', status: 0, contentType: '', body: '', problems: [`Portman's check failed: ${args.assertion}: ${error.message}`] };
        findings.push(finding);
        console.log('FINDING ' + JSON.stringify(finding));
      })
      .on('done', (error) => (error ? reject(error) : resolveRun()));
  });
}

async function checkStream(role, { op, item }) {
  const url = baseUrl + pathOf(item);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 15_000);
  try {
    const response = await fetch(url, {
      headers: {
        Authorization: role.token ? `Bearer ${role.token}` : 'Basic ' + Buffer.from(`${role.username}:${role.password}`).toString('base64'),
        Accept: 'text/event-stream',
      },
      signal: abort.signal,
    });
    requests++;
    perRole[role.role] = (perRole[role.role] || 0) + 1;
    const body = response.status === 200 ? '' : await response.text();
    check(role.role, item.name, op.method, url, '', response.status, response.headers.get('content-type'), body);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

const started = Date.now();
for (const role of roles) {
  await runAs(role);
  for (const stream of streams) await checkStream(role, stream);
}
const covered = operations.length - uncovered.size;
console.log('SUMMARY ' + JSON.stringify({
  operations: operations.length,
  covered,
  uncovered: [...uncovered],
  requests,
  perRole,
  variationsPerRole: planned.length + streams.length,
  findings: findings.length,
  seconds: Math.round((Date.now() - started) / 1000),
}));
