import { describeAdversarial } from "@/lib/test/adversarial-property";

describeAdversarial("hfDaily");
