import type { FormattedExecutionResult } from 'graphql';

/**
 * The `data` of a subgraph's answer as the subgraph wrote it. A single-fetch answer is the subgraph's
 * data: parsing it only to write the same bytes again was a tenth of the gateway's CPU per request on
 * `serviceCenters(first: 10)` (`npm run bench -- gateway-cpu`). Written out by `stringifyResult`;
 * anything else that writes it as JSON gets the parsed value.
 */
export class RawData {
  private parsed: unknown;

  constructor(readonly json: string) {}

  toJSON(): unknown {
    return (this.parsed ??= JSON.parse(this.json) as unknown);
  }
}

const DATA_OBJECT = '{"data":{';
/** V8 writes integer-like keys first whatever their order in the text: such an answer is parsed as before. */
const INTEGER_KEY = /"(?:0|[1-9]\d*)":/;

/**
 * The data of a subgraph's answer text when passing it on unparsed gives the bytes parsing and writing
 * it again would: `{"data":{…}}` as JSON.stringify writes it (the subgraphs are Apollo Server on Node),
 * one line, no `errors` or `extensions` anywhere in it, no integer-like key. Null otherwise (the answer
 * is parsed, as before); a field or string that merely looks like one of these only costs the parse.
 */
export function rawData(text: string): RawData | null {
  const end = text.endsWith('}\n') ? text.length - 2 : text.endsWith('}') ? text.length - 1 : -1;
  if (end < DATA_OBJECT.length || !text.startsWith(DATA_OBJECT)) return null;
  const newline = text.indexOf('\n');
  if ((newline >= 0 && newline < end) || text.includes('"errors":') || text.includes('"extensions":') || INTEGER_KEY.test(text)) return null;
  return new RawData(text.slice(DATA_OBJECT.length - 1, end));
}

/**
 * Apollo Server's `stringifyResult`: its own (JSON.stringify and a newline, keys in the order errors,
 * data, extensions, undefined ones left out), with raw data written as it came.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  if (!(result.data instanceof RawData)) return `${JSON.stringify(result)}\n`;
  let out = '{';
  if (result.errors !== undefined) out += `"errors":${JSON.stringify(result.errors)},`;
  out += `"data":${result.data.json}`;
  if (result.extensions !== undefined) out += `,"extensions":${JSON.stringify(result.extensions)}`;
  return `${out}}\n`;
}
