import { scopedPeriodPage } from "@/components/scoped-pages";

const page = scopedPeriodPage("category", "date");
export const generateMetadata = page.generateMetadata;
export default page.Page;
