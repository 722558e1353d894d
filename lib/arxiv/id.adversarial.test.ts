import { describeAdversarial } from "@/lib/test/adversarial-property";

describeAdversarial("arxivInput");
