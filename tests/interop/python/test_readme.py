"""The README's Python lines, run as written against the server the other interop tests use, so they cannot rot."""
import contextlib
import io
import pathlib
import unittest

import stubs

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


class ReadmeTest(unittest.TestCase):
    def test_the_readme_lines_resolve_a_qunfangyuan_household_and_list_member_ones_households(self):
        text = README.read_text(encoding="utf-8")
        code = text.split("```python\n", 1)[1].split("```", 1)[0].replace("127.0.0.1:50051", stubs.address())
        printed = io.StringIO()

        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})

        lines = printed.getvalue().splitlines()
        self.assertIn("群芳园社区第1网格党支部", lines[0])
        self.assertIn("区水务局 → 通州区", lines[0])
        self.assertTrue(lines[1].startswith("[(1, '1号楼"), lines[1])


if __name__ == "__main__":
    unittest.main()
