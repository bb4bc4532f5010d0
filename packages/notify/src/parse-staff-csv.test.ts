import { describe, expect, it } from "vitest";
import { parseStaffCsv } from "./parse-staff-csv.js";

describe("parseStaffCsv", () => {
  it("reads comma and Danish-Excel semicolon files with quoting", () => {
    const csv =
      'email,name,department,manager,active,language\nA@Kommune.example,"Jensen, Anna",Jobcenter,boss@kommune.example,true,en\nb@kommune.example,Bo,,,"nej",\n';
    expect(parseStaffCsv(csv)).toEqual({
      rows: [
        {
          email: "a@kommune.example",
          name: "Jensen, Anna",
          department: "Jobcenter",
          managerEmail: "boss@kommune.example",
          active: true,
          language: "en",
        },
        { email: "b@kommune.example", name: "Bo", department: null, managerEmail: null, active: false, language: "da" },
      ],
      errors: [],
    });
    const semicolon = parseStaffCsv(
      "\uFEFFe-mail;navn;afdeling;leder;aktiv;sprog\r\nc@kommune.example;Cecilie;Borgerservice;;ja;da\r\n",
    );
    expect(semicolon.rows[0]).toMatchObject({ email: "c@kommune.example", department: "Borgerservice", active: true });
  });
  it("reports bad rows by line number without echoing values", () => {
    const result = parseStaffCsv("email,name,active\nnot-an-address,X,true\nd@kommune.example,D,maybe\n");
    expect(result.errors).toEqual([
      { line: 2, problem: "email is not an e-mail address" },
      { line: 3, problem: "active must be true/false, yes/no or ja/nej" },
    ]);
    expect(parseStaffCsv("foo,bar\n1,2\n").errors[0]!.problem).toMatch(/email and name/);
  });
});

describe("parseStaffCsv line numbers", () => {
  it("numbers rows by the line they start on when a quoted cell holds a line break (LF and CRLF)", () => {
    for (const newline of ["\n", "\r\n"]) {
      const csv = [
        "email,name,department,active",
        'a@kommune.example,"Anna',
        'Jensen","Jobcenter',
        'Nord",true',
        "",
        "not-an-address,Bo,,true",
        'c@kommune.example,"Cecilie",,maybe',
      ].join(newline);
      const result = parseStaffCsv(csv);
      expect(result.rows, JSON.stringify(newline)).toEqual([
        expect.objectContaining({ email: "a@kommune.example", name: "Anna\nJensen", department: "Jobcenter\nNord" }),
      ]);
      expect(result.errors, JSON.stringify(newline)).toEqual([
        { line: 6, problem: "email is not an e-mail address" },
        { line: 7, problem: "active must be true/false, yes/no or ja/nej" },
      ]);
    }
  });

  it("names the line of a CSV syntax error without quoting the cell", () => {
    const result = parseStaffCsv('email,name\na@kommune.example,"Anna Jensen\n');
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.problem).toMatch(/^not valid CSV \(CSV_\w+\)$/);
    expect(JSON.stringify(result)).not.toContain("Anna");
  });
});
