import { scopedTrendingPage } from "@/components/scoped-pages";

const page = scopedTrendingPage("keyword");
export const generateMetadata = page.generateMetadata;
export default page.Page;
