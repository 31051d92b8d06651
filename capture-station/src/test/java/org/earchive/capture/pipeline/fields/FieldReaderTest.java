package org.earchive.capture.pipeline.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.pipeline.port.OcrEngine.Word;
import org.junit.jupiter.api.Test;

class FieldReaderTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final FieldReader READER = new FieldReader(TODAY);

    /** Words as Tesseract gives them: one per piece, boxed left to right on lines 40 px apart. */
    static List<Word> words(String... lines) {
        List<Word> words = new ArrayList<>();
        int y = 100;
        for (String line : lines) {
            int x = 100;
            for (String piece : line.split(" ")) {
                words.add(new Word(piece, x, y, x + 20 * piece.length(), y + 30, 91f));
                x += 20 * piece.length() + 10;
            }
            y += 40;
        }
        return words;
    }

    static PageFields read(String... lines) {
        return READER.read(String.join("\n", lines), words(lines));
    }

    @Test
    void aCitizenIdWhoseXWasReadAsAChineseCharacterOnTheNextLineIsRepairedByItsCheckDigit() {
        // 51010520030117448X: the check digit is X; OCR gave "…448" and "又" on the next line
        PageFields f = read("参保登记表", "身份证号码 510105 20030117448", "又 性别 女");
        assertEquals("51010520030117448X", f.citizenId().value());
        assertTrue(f.citizenId().repaired());
        assertEquals(3, f.citizenId().boxes().size(), "the boxes of the three words it came from");
    }

    @Test
    void aLetterReadForADigitIsRepairedOnlyWhenTheCheckPasses() {
        PageFields f = read("身份证号码 11010519491231OO2X");
        assertNull(f.citizenId().value(), "two misread characters: unreadable, never a guess");
        PageFields one = read("身份证号码 110105l9491231002X");
        assertEquals("11010519491231002X", one.citizenId().value());
        assertTrue(one.citizenId().repaired());
        PageFields wrong = read("身份证号码 110105194912310021");
        assertFalse(wrong.citizenId().readable(), "a wrong check digit is reported unreadable");
        assertEquals("110105194912310021", wrong.citizenId().read());
    }

    @Test
    void aBirthDateThatDoesNotExistOrLiesAheadFailsTheIdWhateverItsCheckDigit() {
        // both have the check digit their first 17 digits call for
        assertFalse(read("身份证号码 110105202701010016").citizenId().readable(), "born in 2027");
        assertFalse(read("证号 110105 1949 0231 0026").citizenId().readable(), "born on 31 February");
        assertTrue(read("证号 110105 1949 1231 002X").citizenId().readable());
    }

    @Test
    void theUnifiedSocialCreditCodeIsCheckedAndANeverUsedLetterReadForItsDigit() {
        assertEquals(
                "91350100M000100Y43",
                read("统一社会信用代码 91350100M000100Y43").creditCode().value());
        PageFields o = read("统一社会信用代码 9135O100M000100Y43");
        assertEquals("91350100M000100Y43", o.creditCode().value());
        assertTrue(o.creditCode().repaired());
        assertFalse(read("统一社会信用代码 91350100M000100Y44").creditCode().readable());
    }

    @Test
    void theNameStopsAtTheNextLabelAndDatesAreRangeChecked() {
        PageFields f = read("姓名：王芳性别：女", "申请日期 2026年11月30日 出生 1949-12-31 有效期 2099年1月1日 2026年2月30日");
        assertEquals("王芳", f.name().value());
        assertEquals(4, f.dates().size());
        assertEquals("2026-11-30", f.dates().get(0).value());
        assertEquals("1949-12-31", f.dates().get(1).value());
        assertNull(f.dates().get(2).value(), "beyond next year: not a date on a form filled today");
        assertNull(f.dates().get(3).value(), "30 February");
    }

    @Test
    void theTitleIsTheFormsFirstProminentLine() {
        assertEquals("城镇职工基本养老保险参保登记表", read("城镇职工基本养老保险参保登记表", "姓名 李四").title().value());
        assertNull(read("第一页", "说明").title());
    }
}
