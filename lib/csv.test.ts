import { describe, expect, it } from "vitest";
import { csvField, csvRecord, csvStream, decimalAmount, parseCsv, unneutralise, type CsvValue } from "./csv";

describe("csvField", () => {
  it("quotes fields holding a comma, a quote, CR or LF, doubling quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Smith, Jones")).toBe('"Smith, Jones"');
    expect(csvField('The "best" plan')).toBe('"The ""best"" plan"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("true");
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tstart", "\rstart", '=HYPERLINK("http://evil.example","x")'])("neutralises text starting like a formula: %j", (text) => {
    const field = csvField(text);
    const [[parsed]] = parseCsv(`${field}\r\n`);
    expect(parsed.startsWith("'")).toBe(true);
    expect(parsed.slice(1)).toBe(text);
    expect(unneutralise(parsed)).toBe(text);
  });

  it("leaves numbers as numbers, negative ones included (amounts are ours, not text)", () => {
    expect(csvField(-4500)).toBe("-4500");
    expect(csvField(0)).toBe("0");
    expect(() => csvField(Number.NaN)).toThrow();
  });

  it("does not neutralise text with a formula character later on", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("Contoso - EMEA")).toBe("Contoso - EMEA");
  });
});

describe("decimalAmount", () => {
  it("writes minor units as an exact decimal in the currency's unit", () => {
    expect(decimalAmount(4500, "USD")).toBe("45.00");
    expect(decimalAmount(5, "USD")).toBe("0.05");
    expect(decimalAmount(-1250, "EUR")).toBe("-12.50");
    expect(decimalAmount(0, "USD")).toBe("0.00");
    expect(decimalAmount(1200, "JPY")).toBe("1200");
    expect(decimalAmount(123456789012, "USD")).toBe("1234567890.12");
  });
});

describe("a CSV round trip", () => {
  const rows: CsvValue[][] = [
    ["Renewals Test Co", "=cmd|' /C calc'!A0", 3, 4500, "45.00", "USD"],
    ['He said "hi", then left', "line\r\nbreak", -100, null, "", "@x"],
    ["Ünïcödé 名前", "+44 20 7946 0000", 0, true, "-", "tab\there"],
  ];

  it("parses back what was written, field for field", () => {
    const text = rows.map(csvRecord).join("");
    const parsed = parseCsv(text).map((r) => r.map(unneutralise));
    expect(parsed).toEqual(rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v)))));
  });

  it("streams a header and batches, each pulled when read", async () => {
    let pulled = 0;
    function* batches() {
      for (const row of rows) {
        pulled++;
        yield [row];
      }
    }
    const stream = csvStream(["a", "b", "c", "d", "e", "f"], batches());
    const reader = stream.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = decoder.decode((await reader.read()).value);
    expect(text).toBe("\uFEFFa,b,c,d,e,f\r\n");
    expect(pulled).toBeLessThanOrEqual(1);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(pulled).toBe(3);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(records).toHaveLength(3);
    expect(unneutralise(records[0][1])).toBe("=cmd|' /C calc'!A0");
  });

  it("refuses an unterminated quote", () => {
    expect(() => parseCsv('"open')).toThrow();
  });
});
