import { scopedPeriodPage } from "@/components/scoped-pages";

const page = scopedPeriodPage("keyword", "month");
export const generateMetadata = page.generateMetadata;
export default page.Page;
