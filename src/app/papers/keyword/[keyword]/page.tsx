import { scopedLatestPage } from "@/components/scoped-pages";

const page = scopedLatestPage("keyword");
export const generateMetadata = page.generateMetadata;
export default page.Page;
