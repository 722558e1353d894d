// The home page is the daily list of the latest day with papers.
export { default, generateMetadata } from "@/app/papers/(day)/page";
