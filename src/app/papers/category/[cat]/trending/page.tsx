import { scopedTrendingPage } from "@/components/scoped-pages";

const page = scopedTrendingPage("category");
export const generateMetadata = page.generateMetadata;
export default page.Page;
