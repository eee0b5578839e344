import { fileURLToPath } from "node:url";

export const HF_FIXTURES = fileURLToPath(new URL("../fixtures/hf-daily-papers/", import.meta.url));
export const ARXIV_FIXTURES = fileURLToPath(new URL("../fixtures/arxiv-api/", import.meta.url));
export const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
