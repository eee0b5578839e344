import { z } from "zod";

export const TAXONOMY_URL = "https://arxiv.org/category_taxonomy";

/**
 * arXiv's category taxonomy: every current archive (`cs`, `hep-th`) and category (`cs.CL`) with its
 * name, as arXiv lists them at https://arxiv.org/category_taxonomy (taken from arXiv's own
 * definitions in arxiv-base, `arxiv/taxonomy/definitions.py`, as of 2026-06). An archive that is a category by itself
 * (`hep-th`, `quant-ph`) is one entry. Aliases stay two entries, since arXiv lists a paper under
 * both: cs.IT and math.IT, math-ph and math.MP, math.ST and stat.TH, econ.GN and q-fin.EC, eess.SY
 * and cs.SY, math.NA and cs.NA.
 */
export const ARXIV_CATEGORIES = {
  "astro-ph": "Astrophysics",
  "astro-ph.CO": "Cosmology and Nongalactic Astrophysics",
  "astro-ph.EP": "Earth and Planetary Astrophysics",
  "astro-ph.GA": "Astrophysics of Galaxies",
  "astro-ph.HE": "High Energy Astrophysical Phenomena",
  "astro-ph.IM": "Instrumentation and Methods for Astrophysics",
  "astro-ph.SR": "Solar and Stellar Astrophysics",
  "cond-mat": "Condensed Matter",
  "cond-mat.dis-nn": "Disordered Systems and Neural Networks",
  "cond-mat.mes-hall": "Mesoscale and Nanoscale Physics",
  "cond-mat.mtrl-sci": "Materials Science",
  "cond-mat.other": "Other Condensed Matter",
  "cond-mat.quant-gas": "Quantum Gases",
  "cond-mat.soft": "Soft Condensed Matter",
  "cond-mat.stat-mech": "Statistical Mechanics",
  "cond-mat.str-el": "Strongly Correlated Electrons",
  "cond-mat.supr-con": "Superconductivity",
  cs: "Computer Science",
  "cs.AI": "Artificial Intelligence",
  "cs.AR": "Hardware Architecture",
  "cs.CC": "Computational Complexity",
  "cs.CE": "Computational Engineering, Finance, and Science",
  "cs.CG": "Computational Geometry",
  "cs.CL": "Computation and Language",
  "cs.CR": "Cryptography and Security",
  "cs.CV": "Computer Vision and Pattern Recognition",
  "cs.CY": "Computers and Society",
  "cs.DB": "Databases",
  "cs.DC": "Distributed, Parallel, and Cluster Computing",
  "cs.DL": "Digital Libraries",
  "cs.DM": "Discrete Mathematics",
  "cs.DS": "Data Structures and Algorithms",
  "cs.ET": "Emerging Technologies",
  "cs.FL": "Formal Languages and Automata Theory",
  "cs.GL": "General Literature",
  "cs.GR": "Graphics",
  "cs.GT": "Computer Science and Game Theory",
  "cs.HC": "Human-Computer Interaction",
  "cs.IR": "Information Retrieval",
  "cs.IT": "Information Theory",
  "cs.LG": "Machine Learning",
  "cs.LO": "Logic in Computer Science",
  "cs.MA": "Multiagent Systems",
  "cs.MM": "Multimedia",
  "cs.MS": "Mathematical Software",
  "cs.NA": "Numerical Analysis",
  "cs.NE": "Neural and Evolutionary Computing",
  "cs.NI": "Networking and Internet Architecture",
  "cs.OH": "Other Computer Science",
  "cs.OS": "Operating Systems",
  "cs.PF": "Performance",
  "cs.PL": "Programming Languages",
  "cs.RO": "Robotics",
  "cs.SC": "Symbolic Computation",
  "cs.SD": "Sound",
  "cs.SE": "Software Engineering",
  "cs.SI": "Social and Information Networks",
  "cs.SY": "Systems and Control",
  econ: "Economics",
  "econ.EM": "Econometrics",
  "econ.GN": "General Economics",
  "econ.TH": "Theoretical Economics",
  eess: "Electrical Engineering and Systems Science",
  "eess.AS": "Audio and Speech Processing",
  "eess.IV": "Image and Video Processing",
  "eess.SP": "Signal Processing",
  "eess.SY": "Systems and Control",
  "gr-qc": "General Relativity and Quantum Cosmology",
  "hep-ex": "High Energy Physics - Experiment",
  "hep-lat": "High Energy Physics - Lattice",
  "hep-ph": "High Energy Physics - Phenomenology",
  "hep-th": "High Energy Physics - Theory",
  math: "Mathematics",
  "math.AC": "Commutative Algebra",
  "math.AG": "Algebraic Geometry",
  "math.AP": "Analysis of PDEs",
  "math.AT": "Algebraic Topology",
  "math.CA": "Classical Analysis and ODEs",
  "math.CO": "Combinatorics",
  "math.CT": "Category Theory",
  "math.CV": "Complex Variables",
  "math.DG": "Differential Geometry",
  "math.DS": "Dynamical Systems",
  "math.FA": "Functional Analysis",
  "math.GM": "General Mathematics",
  "math.GN": "General Topology",
  "math.GR": "Group Theory",
  "math.GT": "Geometric Topology",
  "math.HO": "History and Overview",
  "math.IT": "Information Theory",
  "math.KT": "K-Theory and Homology",
  "math.LO": "Logic",
  "math.MG": "Metric Geometry",
  "math.MP": "Mathematical Physics",
  "math.NA": "Numerical Analysis",
  "math.NT": "Number Theory",
  "math.OA": "Operator Algebras",
  "math.OC": "Optimization and Control",
  "math.PR": "Probability",
  "math.QA": "Quantum Algebra",
  "math.RA": "Rings and Algebras",
  "math.RT": "Representation Theory",
  "math.SG": "Symplectic Geometry",
  "math.SP": "Spectral Theory",
  "math.ST": "Statistics Theory",
  "math-ph": "Mathematical Physics",
  nlin: "Nonlinear Sciences",
  "nlin.AO": "Adaptation and Self-Organizing Systems",
  "nlin.CD": "Chaotic Dynamics",
  "nlin.CG": "Cellular Automata and Lattice Gases",
  "nlin.PS": "Pattern Formation and Solitons",
  "nlin.SI": "Exactly Solvable and Integrable Systems",
  "nucl-ex": "Nuclear Experiment",
  "nucl-th": "Nuclear Theory",
  physics: "Physics",
  "physics.acc-ph": "Accelerator Physics",
  "physics.ao-ph": "Atmospheric and Oceanic Physics",
  "physics.app-ph": "Applied Physics",
  "physics.atm-clus": "Atomic and Molecular Clusters",
  "physics.atom-ph": "Atomic Physics",
  "physics.bio-ph": "Biological Physics",
  "physics.chem-ph": "Chemical Physics",
  "physics.class-ph": "Classical Physics",
  "physics.comp-ph": "Computational Physics",
  "physics.data-an": "Data Analysis, Statistics and Probability",
  "physics.ed-ph": "Physics Education",
  "physics.flu-dyn": "Fluid Dynamics",
  "physics.gen-ph": "General Physics",
  "physics.geo-ph": "Geophysics",
  "physics.hist-ph": "History and Philosophy of Physics",
  "physics.ins-det": "Instrumentation and Detectors",
  "physics.med-ph": "Medical Physics",
  "physics.optics": "Optics",
  "physics.plasm-ph": "Plasma Physics",
  "physics.pop-ph": "Popular Physics",
  "physics.soc-ph": "Physics and Society",
  "physics.space-ph": "Space Physics",
  "q-bio": "Quantitative Biology",
  "q-bio.BM": "Biomolecules",
  "q-bio.CB": "Cell Behavior",
  "q-bio.GN": "Genomics",
  "q-bio.MN": "Molecular Networks",
  "q-bio.NC": "Neurons and Cognition",
  "q-bio.OT": "Other Quantitative Biology",
  "q-bio.PE": "Populations and Evolution",
  "q-bio.QM": "Quantitative Methods",
  "q-bio.SC": "Subcellular Processes",
  "q-bio.TO": "Tissues and Organs",
  "q-fin": "Quantitative Finance",
  "q-fin.CP": "Computational Finance",
  "q-fin.EC": "Economics",
  "q-fin.GN": "General Finance",
  "q-fin.MF": "Mathematical Finance",
  "q-fin.PM": "Portfolio Management",
  "q-fin.PR": "Pricing of Securities",
  "q-fin.RM": "Risk Management",
  "q-fin.ST": "Statistical Finance",
  "q-fin.TR": "Trading and Market Microstructure",
  "quant-ph": "Quantum Physics",
  stat: "Statistics",
  "stat.AP": "Applications",
  "stat.CO": "Computation",
  "stat.ME": "Methodology",
  "stat.ML": "Machine Learning",
  "stat.OT": "Other Statistics",
  "stat.TH": "Statistics Theory",
} as const satisfies Record<string, string>;

export type ArxivCategory = keyof typeof ARXIV_CATEGORIES;

// Archives arXiv closed and merged into a category of a newer archive; papers from before still
// carry the old name (cmp-lg/9404001 is in cmp-lg, listed today under cs.CL).
const SUBSUMED_ARCHIVES: Record<string, ArxivCategory> = {
  "cmp-lg": "cs.CL",
  "adap-org": "nlin.AO",
  "comp-gas": "nlin.CG",
  "chao-dyn": "nlin.CD",
  "solv-int": "nlin.SI",
  "patt-sol": "nlin.PS",
  "alg-geom": "math.AG",
  "dg-ga": "math.DG",
  "funct-an": "math.FA",
  "q-alg": "math.QA",
  "mtrl-th": "cond-mat.mtrl-sci",
  "supr-con": "cond-mat.supr-con",
  "acc-phys": "physics.acc-ph",
  "ao-sci": "physics.ao-ph",
  "atom-ph": "physics.atom-ph",
  "bayes-an": "physics.data-an",
  "chem-ph": "physics.chem-ph",
  "plasm-ph": "physics.plasm-ph",
};

/** True for an archive or category arXiv lists today. */
export function isKnownCategory(id: string): id is ArxivCategory {
  return Object.hasOwn(ARXIV_CATEGORIES, id);
}

/** "Computation and Language" for `cs.CL`, "Computer Science" for `cs`; null for an id arXiv does not list. */
export function categoryName(id: string): string | null {
  return isKnownCategory(id) ? ARXIV_CATEGORIES[id] : null;
}

/** The archive of a category (`cs.CL` -> `cs`, `astro-ph.GA` -> `astro-ph`); an archive is its own (`hep-th`). */
export function archiveOf(id: string): string {
  const dot = id.indexOf(".");
  return dot === -1 ? id : id.slice(0, dot);
}

/** What a page for `id` lists: an archive's own id and all of its categories; a category alone. */
export function categoriesUnder(id: ArxivCategory): ArxivCategory[] {
  if (archiveOf(id) !== id) return [id];
  return (Object.keys(ARXIV_CATEGORIES) as ArxivCategory[]).filter((known) => archiveOf(known) === id);
}

/** The category an old paper's archive is listed under today (`cmp-lg` -> `cs.CL`); any other id unchanged. */
export function currentCategoryOf(id: string): string {
  return Object.hasOwn(SUBSUMED_ARCHIVES, id) ? SUBSUMED_ARCHIVES[id]! : id;
}

const KNOWN_IDS = Object.keys(ARXIV_CATEGORIES) as [ArxivCategory, ...ArxivCategory[]];
// Long enough for any real id; a hostile value is not echoed whole.
const ECHOED_LENGTH = 40;

/** A known archive or category (`cs`, `cs.CL`); anything else fails with a message naming it. */
export const categorySchema = z.enum(KNOWN_IDS, {
  error: (issue) => {
    if (typeof issue.input !== "string") return undefined;
    const shown = issue.input.length > ECHOED_LENGTH ? `${issue.input.slice(0, ECHOED_LENGTH)}…` : issue.input;
    return `unknown arXiv category '${shown}'; see ${TAXONOMY_URL}`;
  },
});
