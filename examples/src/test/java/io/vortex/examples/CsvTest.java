package io.vortex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.source.TextLine;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CsvTest {
  private static final TextLine LINE = new TextLine("in.csv", 7, "1000,r1,h1,x");

  @Test
  void when_decimalHasHugeExponent_then_outOfRangeErrorAtOnce() {
    // Given / When
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseDecimal(LINE, "1e100000000", "temperature"));
    // Then
    assertTrue(e.getMessage().startsWith("in.csv:7: temperature is out of range"), e.getMessage());
  }

  @Test
  void when_decimalHasHugeNegativeExponent_then_refused() {
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseDecimal(LINE, "1e-100000000", "temperature"));
    assertTrue(e.getMessage().contains("too many digits after the point"), e.getMessage());
  }

  @Test
  void when_zeroHasHugeScale_then_plainZeroSoSumsStayCheap() {
    // Given: 0E-100000000 would make every later sum carry 10^8 digits
    BigDecimal zero = Csv.parseDecimal(LINE, "0e-100000000", "temperature");
    // When
    BigDecimal sum = zero.add(new BigDecimal("50.5"));
    // Then
    assertEquals(0, zero.scale());
    assertEquals("50.5", sum.toPlainString());
  }

  @Test
  void when_decimalHasHugeDigitString_then_tooLongWithoutParsing() {
    // Given
    String digits = "9".repeat(10_000_000);
    // When
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseDecimal(LINE, digits, "amount"));
    // Then: refused by its length, before any parsing (the message says so; no timing asserted)
    assertTrue(e.getMessage().contains("amount is too long for a number (10000000 characters, at most 40)"),
        e.getMessage());
    assertTrue(e.getMessage().length() < 400, "message of " + e.getMessage().length() + " chars");
  }

  @Test
  void when_decimalIsNanOrInfinity_then_notANumber() {
    for (String field : new String[] {"NaN", "Infinity", "-Infinity", "1e", "0x10", ""}) {
      MalformedLineException e = assertThrows(MalformedLineException.class,
          () -> Csv.parseDecimal(LINE, field, "amount"), field);
      assertTrue(e.getMessage().contains("amount is not a decimal number: '" + field + "'"), e.getMessage());
    }
  }

  @Test
  void when_decimalIsWithinBounds_then_exactValue() {
    assertEquals(0, new BigDecimal("123.45").compareTo(Csv.parseDecimal(LINE, "123.45", "amount")));
    assertEquals(0, new BigDecimal("100000").compareTo(Csv.parseDecimal(LINE, "1e5", "amount")));
    assertEquals(0, new BigDecimal("-0.000000000000000001")
        .compareTo(Csv.parseDecimal(LINE, "-0.000000000000000001", "amount")));
    assertEquals(0, new BigDecimal("999999999999999999.5")
        .compareTo(Csv.parseDecimal(LINE, "999999999999999999.5", "amount")));
    assertThrows(MalformedLineException.class, () -> Csv.parseDecimal(LINE, "1e18", "amount"));
  }

  @Test
  void when_integerOverflowsLong_then_outOfRange() {
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseLong(LINE, "9223372036854775808", "timestampMillis"));
    assertTrue(e.getMessage().startsWith("in.csv:7: timestampMillis is out of range (-9223372036854775808 to "
        + "9223372036854775807): '9223372036854775808'"), e.getMessage());
    assertEquals(Long.MIN_VALUE, Csv.parseLong(LINE, "-9223372036854775808", "timestampMillis"));
  }

  @Test
  void when_integerIsNotANumber_then_notAnInteger() {
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseLong(LINE, "12.5", "timestampMillis"));
    assertTrue(e.getMessage().contains("timestampMillis is not an integer: '12.5'"), e.getMessage());
  }

  @Test
  void when_fieldIsHugeAndHoldsControlBytes_then_messageIsShortAndEscaped() {
    // Given: a 10 MB field with control bytes, in a line of its own
    String field = "\u0000\u001b[31m\r\n\t" + "x".repeat(10 * 1024 * 1024);
    TextLine line = new TextLine("in.csv", 3, "1000," + field);
    // When
    MalformedLineException e = assertThrows(MalformedLineException.class,
        () -> Csv.parseLong(line, field, "timestampMillis"));
    // Then
    String message = e.getMessage();
    assertTrue(message.length() < 400, "message of " + message.length() + " chars");
    assertTrue(message.startsWith("in.csv:3: timestampMillis is not an integer: '\\u0000\\u001b[31m\\r\\n\\txxx"),
        message);
    assertTrue(message.contains("... (" + field.length() + " characters)'"), message);
    assertTrue(message.endsWith("... (" + line.text().length() + " characters)\""), message);
    assertFalse(message.chars().anyMatch(Character::isISOControl), message);
  }

  @Test
  void when_textEndsInACutSurrogatePair_then_pairIsNotSplit() {
    String text = "a".repeat(MalformedLineException.MAX_FIELD_EXCERPT - 1) + "\uD83D\uDE00tail";
    String escaped = MalformedLineException.escape(text, MalformedLineException.MAX_FIELD_EXCERPT);
    assertEquals("a".repeat(MalformedLineException.MAX_FIELD_EXCERPT - 1) + "... (" + text.length()
        + " characters)", escaped);
  }
}
