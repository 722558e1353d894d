import { describe, expect, it } from "vitest";
import { parseArxivInput } from "@/lib/arxiv/id";

describe("parseArxivInput", () => {
  it.each([
    ["2406.12345", "2406.12345"],
    ["  2406.12345v2 ", "2406.12345"],
    ["arXiv:2406.12345", "2406.12345"],
    ["2406.1234", "2406.1234"],
    ["arxiv.org/abs/2406.12345v2", "2406.12345"],
    ["https://arxiv.org/abs/2406.12345", "2406.12345"],
    ["http://export.arxiv.org/abs/2406.12345v3", "2406.12345"],
    ["https://www.arxiv.org/pdf/2406.12345v1.pdf", "2406.12345"],
    ["https://arxiv.org/pdf/2406.12345", "2406.12345"],
    ["arxiv.org/html/2406.12345v1/", "2406.12345"],
    ["https://arxiv.org/abs/2406.12345?context=cs#abstract", "2406.12345"],
    ["hep-th/9901001", "hep-th/9901001"],
    ["https://arxiv.org/abs/math.AG/0101001v2", "math.AG/0101001"],
    ["HTTPS://ARXIV.ORG/ABS/2406.12345", "2406.12345"],
  ])("%s is %s", (input, id) => {
    expect(parseArxivInput(input)).toBe(id);
  });

  it.each([
    "",
    "   ",
    "2406",
    "2413.12345", // month 13
    "2406.123456",
    "https://evil.example/abs/2406.12345",
    "https://arxiv.org.evil.example/abs/2406.12345",
    "javascript:alert(1)//2406.12345",
    "arxiv.org/abs/2406.12345 and more",
    "2406.12345\n2406.12346",
    "../../etc/passwd",
    "2406.12345%00",
    "ｈｔｔｐｓ://arxiv.org/abs/2406.12345",
    `https://arxiv.org/abs/2406.12345?${"a".repeat(400)}`,
  ])("refuses %j", (input) => {
    expect(parseArxivInput(input)).toBeNull();
  });
});
