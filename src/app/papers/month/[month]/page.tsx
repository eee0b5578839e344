import { periodPage } from "@/components/period-view";

const page = periodPage("month");
export const generateMetadata = page.generateMetadata;
export default page.Page;
