import { scopedLatestPage } from "@/components/scoped-pages";

const page = scopedLatestPage("category");
export const generateMetadata = page.generateMetadata;
export default page.Page;
