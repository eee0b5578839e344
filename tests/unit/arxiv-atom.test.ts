import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseArxivFeed } from "@/server/ingest/arxiv-atom";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/arxiv-api/${name}`, import.meta.url), "utf8");
const recordedBody = (name: string) => (JSON.parse(fixture(name)) as { body: string }).body;

// Shape of arXiv's HTTP 400 answer to a malformed id, with xmlns repeated on every element as arXiv does.
const ERROR_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <title xmlns="http://www.w3.org/2005/Atom">ArXiv Query: search_query=&amp;id_list=1234.12345</title>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry xmlns="http://www.w3.org/2005/Atom">
    <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title xmlns="http://www.w3.org/2005/Atom">Error</title>
    <summary xmlns="http://www.w3.org/2005/Atom">incorrect id format for 1234.12345</summary>
    <updated xmlns="http://www.w3.org/2005/Atom">2007-10-12T00:00:00-04:00</updated>
    <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author xmlns="http://www.w3.org/2005/Atom"><name xmlns="http://www.w3.org/2005/Atom">arXiv api core</name></author>
  </entry>
</feed>`;

describe("parseArxivFeed", () => {
  it("reads a single entry", () => {
    const feed = parseArxivFeed(recordedBody("id_1605.08386_s0_m100_199195aa31ad.json"));

    expect(feed.errors).toEqual([]);
    expect(feed.totalResults).toBe(1);
    expect(feed.entries).toEqual([
      {
        id: "1605.08386",
        version: 1,
        title: "Heat-bath random walks with Markov bases",
        abstract: expect.stringMatching(/^Graphs on lattice points are studied .* is an expander in fixed dimension\.$/),
        authors: ["Caprice Stanley", "Tobias Windisch"],
        publishedAt: new Date("2016-05-26T17:59:46Z"),
        updatedAt: new Date("2016-05-26T17:59:46Z"),
        pdfUrl: "https://arxiv.org/pdf/1605.08386v1",
        absUrl: "https://arxiv.org/abs/1605.08386v1",
        categories: ["math.CO", "math.ST"],
      },
    ]);
  });

  it("reads the 2016 format: per-element namespaces, http ids, hard-wrapped text", () => {
    const feed = parseArxivFeed(fixture("legacy-2016_id_list=1111.2011v2.xml"));

    expect(feed.errors).toEqual([]);
    expect(feed.totalResults).toBe(1);
    const [entry] = feed.entries;
    expect(entry).toMatchObject({
      id: "1111.2011",
      version: 2,
      title: "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit",
      authors: ["James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic"],
      publishedAt: new Date("2011-11-08T18:48:36Z"),
      updatedAt: new Date("2012-04-02T12:38:54Z"),
      pdfUrl: "http://arxiv.org/pdf/1111.2011v2",
      absUrl: "http://arxiv.org/abs/1111.2011v2",
      categories: ["cond-mat.str-el", "cond-mat.stat-mech"],
    });
    expect(entry?.abstract).toMatch(/^Theoretical description of anisotropic systems, such as layered superconductors and coupled/);
    expect(entry?.abstract).toMatch(/describing a single node\.$/);
    expect(entry?.abstract).not.toMatch(/\n/);
  });

  it("reads many entries in feed order", () => {
    const feed = parseArxivFeed(recordedBody("q_testing_s0_m10_bc5a6c384fe9.json"));

    expect(feed.errors).toEqual([]);
    expect(feed.totalResults).toBe(214881);
    expect(feed.entries).toHaveLength(10);
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      "2202.12139",
      "2405.13786",
      "2005.14124",
      "2204.08348",
      "2302.03287",
      "1202.4527",
      "2503.05378",
      "1205.1866",
      "2502.07719",
      "1812.11470",
    ]);
    for (const entry of feed.entries) {
      expect(entry.title).not.toBe("");
      expect(entry.authors.length).toBeGreaterThan(0);
    }
  });

  it("reads every entry's categories, the primary first, with its cross-lists", () => {
    const feed = parseArxivFeed(recordedBody("q_testing_s0_m10_bc5a6c384fe9.json"));

    expect(Object.fromEntries(feed.entries.map((entry) => [entry.id, entry.categories]))).toEqual({
      "2202.12139": ["cs.SE", "cs.LG"],
      "2405.13786": ["cs.SE", "cs.AI"],
      "2005.14124": ["cs.SE", "cs.CR", "cs.LG"],
      "2204.08348": ["cs.SE"],
      "2302.03287": ["cs.SE", "cs.HC"],
      "1202.4527": ["cs.SE"],
      "2503.05378": ["cs.SE"],
      "1205.1866": ["cs.AR"],
      "2502.07719": ["cs.SE"],
      "1812.11470": ["cs.SE"],
    });
  });

  it("reads an old-style id's categories (the recorded answer, as arXiv answers for hep-th/9901001)", () => {
    const body = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json")
      .replaceAll("1605.08386", "hep-th/9901001")
      .replace('<category term="math.CO"', '<category term="hep-th"')
      .replace('<category term="math.ST"', '<category term="gr-qc"')
      .replace('<arxiv:primary_category term="math.CO"/>', '<arxiv:primary_category term="hep-th"/>');

    const feed = parseArxivFeed(body);

    expect(feed.errors).toEqual([]);
    expect(feed.entries).toEqual([expect.objectContaining({ id: "hep-th/9901001", version: 1, categories: ["hep-th", "gr-qc"] })]);
  });

  it("puts the primary category first wherever arXiv lists it, each category once", () => {
    const body = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json")
      .replace('<category term="math.CO" scheme="http://arxiv.org/schemas/atom"/>', "")
      .replace(
        '<category term="math.ST" scheme="http://arxiv.org/schemas/atom"/>',
        ["stat.TH", "math.ST", "math.CO", "stat.TH"]
          .map((term) => `<category term="${term}" scheme="http://arxiv.org/schemas/atom"/>`)
          .join(""),
      );

    expect(parseArxivFeed(body).entries[0]?.categories).toEqual(["math.CO", "stat.TH", "math.ST"]);
  });

  it("keeps arXiv categories only: ACM and MSC classes go, closed archives take their current name", () => {
    const body = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json")
      .replaceAll("1605.08386", "cmp-lg/9404001")
      .replace('<arxiv:primary_category term="math.CO"/>', '<arxiv:primary_category term="cmp-lg"/>')
      .replace('<category term="math.CO"', '<category term="cmp-lg"')
      .replace('<category term="math.ST"', '<category term="I.2.7"')
      .replace(
        "<published>",
        '<category term="68T50" scheme="http://arxiv.org/schemas/atom"/><category/><category term="cs.AI"/><published>',
      );

    const feed = parseArxivFeed(body);

    expect(feed.errors).toEqual([]);
    expect(feed.entries[0]).toMatchObject({ id: "cmp-lg/9404001", categories: ["cs.CL", "cs.AI"] });
  });

  it("reads an empty result for an unknown id", () => {
    expect(parseArxivFeed(recordedBody("id_0000.0000_s0_m100_8b51d9633a68.json"))).toEqual({
      entries: [],
      errors: [],
      totalResults: 0,
    });
  });

  it("reports arXiv's error entry as an error, never as an entry", () => {
    expect(parseArxivFeed(ERROR_FEED)).toEqual({
      entries: [],
      errors: ["incorrect id format for 1234.12345"],
      totalResults: 1,
    });
  });

  it("reports an entry missing its title instead of failing the feed", () => {
    const body = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json").replace(
      "<title>Heat-bath random walks with Markov bases</title>",
      "",
    );

    const feed = parseArxivFeed(body);

    expect(feed.entries).toEqual([]);
    expect(feed.errors).toEqual([expect.stringMatching(/^entry 1 skipped: title: /)]);
  });

  it("reads old-style ids, a single author and character references", () => {
    const feed = parseArxivFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>https://arxiv.org/abs/astro-ph/0601001v3</id>
      <title>Caf&#233; &lt;lattices&gt; &amp; more</title>
      <summary>First paragraph
        continues.

        Second paragraph.</summary>
      <published>2006-01-01T00:00:00Z</published>
      <author><name>Solo Author</name></author>
    </entry></feed>`);

    expect(feed.errors).toEqual([]);
    expect(feed.totalResults).toBeNull();
    expect(feed.entries).toEqual([
      {
        id: "astro-ph/0601001",
        version: 3,
        title: "Café <lattices> & more",
        abstract: "First paragraph continues.\n\nSecond paragraph.",
        authors: ["Solo Author"],
        publishedAt: new Date("2006-01-01T00:00:00Z"),
        updatedAt: null,
        pdfUrl: null,
        absUrl: null,
        categories: [],
      },
    ]);
  });

  it("throws a clear error on truncated XML", () => {
    const body = recordedBody("id_1605.08386_s0_m100_199195aa31ad.json");

    expect(() => parseArxivFeed(body.slice(0, body.indexOf("</summary>")))).toThrow(/not well-formed XML/);
  });

  it("throws when the answer is XML but not a feed", () => {
    expect(() => parseArxivFeed("<html><body>Service unavailable</body></html>")).toThrow(/not an Atom feed/);
  });
});
