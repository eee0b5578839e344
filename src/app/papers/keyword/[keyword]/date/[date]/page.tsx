import { scopedPeriodPage } from "@/components/scoped-pages";

const page = scopedPeriodPage("keyword", "date");
export const generateMetadata = page.generateMetadata;
export default page.Page;
