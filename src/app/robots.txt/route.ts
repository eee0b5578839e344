import { siteUrl } from "@/env";
import { createRobotsHandler } from "@/server/sitemaps/robots-handler";

export const GET = createRobotsHandler(siteUrl);
