import { periodPage } from "@/components/period-view";

const page = periodPage("week");
export const generateMetadata = page.generateMetadata;
export default page.Page;
