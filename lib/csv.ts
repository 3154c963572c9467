/**
 * CSV for the exports (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF, its quotes doubled. Text that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) gets a leading single quote: "=HYPERLINK(…)" typed
 * into a customer's name must reach Excel as text (OWASP's CSV injection advice).
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Only text is neutralised: a number is written by us (a quantity, an amount in minor
 * units, possibly negative for a credit) and a spreadsheet reads "-4500" as the number it is.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The fraction digits of a currency's minor unit (2 for USD, 0 for JPY), as Intl knows them. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units as a plain decimal ("-12.50", "1200"), exact: no floating point. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Parses CSV text (RFC 4180, a leading byte order mark skipped) into records of fields: the tests
 * read an export back with it. Throws on a quote left open.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && !fieldStarted && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error("Unterminated quoted field");
  if (fieldStarted || field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

/** The text a neutralised field stood for: the exporter's leading quote taken off again. */
export function unneutralise(field: string): string {
  return field.length > 1 && field[0] === "'" && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;
}

/**
 * A CSV body that pulls its records a batch at a time: each pull asks `batches` for the next batch,
 * so an export of 250,000 rows holds one batch in memory, and a client that stops reading stops the
 * reads. The header goes first, after a byte order mark so spreadsheets read UTF-8 names right.
 */
export function csvStream(header: readonly string[], batches: Iterator<CsvValue[][]>, first?: IteratorResult<CsvValue[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = first;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRecord(header)}`));
    },
    pull(controller) {
      const next = pending ?? batches.next();
      pending = undefined;
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRecord).join("")));
    },
    cancel() {
      batches.return?.();
    },
  });
}
