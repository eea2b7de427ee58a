// Validates a Talks data release with the Frictionless Data libraries, strictly:
//   node validate.js RELEASE.zip [RELEASE.json]
// The zip's descriptor must be a valid tabular data package; every CSV must be UTF-8 without a byte order mark, end
// every record with CRLF, have the header its Table Schema names, and every row must cast to the schema's types and
// meet its constraints, primary key (unique) and foreign keys. The JSON form, when given, must be a valid package too
// and hold the same rows, cast, as the CSV files. Prints one line per resource; exits 1 on the first error.
'use strict';

const fs = require('fs');
const path = require('path');
const { Package } = require('datapackage');

function fail(message) {
  console.error(`datapackage: ${message}`);
  process.exit(1);
}

// RFC 4180 line ends, checked on the bytes: outside quotes, a CR is always followed by LF and an LF always follows CR.
function checkCsvBytes(name, bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) fail(`${name}: starts with a byte order mark`);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${name}: not valid UTF-8`);
  }
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r' && text[i + 1] !== '\n') fail(`${name}: a CR outside quotes not followed by LF at ${i}`);
    else if (!quoted && c === '\n' && text[i - 1] !== '\r') fail(`${name}: a bare LF outside quotes at ${i}`);
  }
  if (quoted) fail(`${name}: a quoted field is never closed`);
  if (!text.endsWith('\r\n')) fail(`${name}: the last record does not end with CRLF`);
}

async function readAll(resource, label) {
  if (!resource.tabular) fail(`${label}: not a tabular data resource`);
  if (!resource.schema || !resource.schema.valid) {
    fail(`${label}: invalid Table Schema: ${(resource.schema ? resource.schema.errors : ['missing']).join('; ')}`);
  }
  try {
    return await resource.read({ keyed: true, relations: true });
  } catch (error) {
    const details = (error.errors || []).map((e) => e.message).join('; ');
    fail(`${label}: ${error.message}${details ? ` (${details})` : ''}`);
  }
}

async function main() {
  const [zipPath, jsonPath] = process.argv.slice(2);
  if (!zipPath) fail('usage: node validate.js RELEASE.zip [RELEASE.json]');

  let dataPackage;
  try {
    dataPackage = await Package.load(path.resolve(zipPath), { strict: true });
  } catch (error) {
    fail(`${zipPath}: ${error.message} ${(error.errors || []).map((e) => e.message).join('; ')}`);
  }
  if (!dataPackage.valid) fail(`${zipPath}: ${dataPackage.errors.map((e) => e.message).join('; ')}`);
  if (dataPackage.descriptor.profile !== 'tabular-data-package') fail(`${zipPath}: the profile is not tabular-data-package`);

  const rowsOf = {};
  for (const resource of dataPackage.resources) {
    const name = resource.name;
    const file = path.join(dataPackage._basePath, resource.descriptor.path);
    checkCsvBytes(resource.descriptor.path, fs.readFileSync(file));
    const rows = await readAll(resource, resource.descriptor.path);
    rowsOf[name] = rows;
    console.log(`${resource.descriptor.path}: ${rows.length} rows valid`);
  }

  if (!jsonPath) return;
  const descriptor = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  // Each row is a JSON object, as Tabular Data Resource allows; tableschema 1.12 reads inline rows only as arrays under
  // a header row, so the objects are turned into that, after checking each has exactly the schema's fields.
  for (const resource of descriptor.resources || []) {
    const fields = ((resource.schema || {}).fields || []).map((f) => f.name);
    if (!Array.isArray(resource.data)) fail(`${jsonPath} ${resource.name}: no inline data array`);
    resource.data.forEach((row, i) => {
      const keys = Object.keys(row);
      if (keys.join(',') !== fields.join(',')) fail(`${jsonPath} ${resource.name} row ${i + 1}: properties ${keys} are not the schema's fields ${fields}`);
    });
    resource.data = [fields, ...resource.data.map((row) => fields.map((f) => row[f]))];
  }
  let jsonPackage;
  try {
    jsonPackage = await Package.load(descriptor, { strict: true });
  } catch (error) {
    fail(`${jsonPath}: ${error.message} ${(error.errors || []).map((e) => e.message).join('; ')}`);
  }
  const names = jsonPackage.resources.map((r) => r.name);
  if (names.join(',') !== Object.keys(rowsOf).join(',')) fail(`${jsonPath}: resources ${names} differ from the zip's`);
  for (const resource of jsonPackage.resources) {
    const rows = await readAll(resource, `${jsonPath} ${resource.name}`);
    const same = JSON.stringify(rows) === JSON.stringify(rowsOf[resource.name]);
    if (!same) fail(`${jsonPath} ${resource.name}: the rows differ from the CSV file's`);
    console.log(`${path.basename(jsonPath)} ${resource.name}: ${rows.length} rows, the same as the CSV`);
  }
}

main().catch((error) => fail(error.stack || String(error)));
