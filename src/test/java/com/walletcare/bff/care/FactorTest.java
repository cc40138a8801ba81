package com.walletcare.bff.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each factor's normal form: the spellings callers use meet the gateway's value there, near misses do not. */
class FactorTest {

    /** Paul's birthday as the gateway keeps it (MMDDYYYY text). */
    private static final String PAUL = Factor.birthday.normalise("07101969");

    @ParameterizedTest(name = "\"{0}\" is July 10, 1969")
    @ValueSource(strings = { "07101969", "07/10/1969", "7/10/1969", "07-10-1969", "07.10.1969", "07 10 1969",
            "1969-07-10", "1969/7/10", "July 10 1969", "July 10, 1969", "july 10th, 1969", "JULY 10TH 1969",
            "Jul 10 1969", "Jul. 10, 1969", "10 July 1969", "10th July, 1969", "10 jul 1969", "  07/10/1969  " })
    void birthdaysAreReadInTheSpellingsCallersUse(String said) {
        assertEquals("1969-07-10", PAUL);
        assertEquals(PAUL, Factor.birthday.normalise(said));
    }

    @ParameterizedTest(name = "\"{0}\" is another day")
    @ValueSource(strings = { "10/07/1969", "1969-10-07", "07111969", "07/10/1970", "July 11 1969", "June 10 1969",
            "10071969" })
    void nearMissBirthdaysAreOtherDays(String said) {
        assertNotEquals(PAUL, Factor.birthday.normalise(said));
    }

    @ParameterizedTest(name = "\"{0}\" is no date")
    @ValueSource(strings = { "07/10/69", "071069", "13/10/1969", "02/30/1969", "July 1969", "1969", "yesterday",
            "Jul 10 1969 or so", "7101969" })
    void unreadableOrImpossibleDatesAreNoDate(String said) {
        assertNull(Factor.birthday.normalise(said));
    }

    @ParameterizedTest(name = "zip \"{0}\" -> {1}")
    @CsvSource({ "92651, 92651", "' 92651 ', 92651", "92651-1234, 92651", "926511234, 92651", "9265, 9265",
            "92652, 92652", "sw1a 1aa, SW1A1AA" })
    void zipCodesCompareByTheirFirstFiveDigitsOrAsUpperCaseWithoutSpaces(String said, String normal) {
        assertEquals(normal, Factor.zip.normalise(said));
    }

    @ParameterizedTest(name = "e-mail \"{0}\" -> {1}")
    @CsvSource({ "pauls_wallet@yahoo.com, pauls_wallet@yahoo.com", "Pauls_Wallet@YAHOO.com, pauls_wallet@yahoo.com",
            "' pauls_wallet@yahoo.com ', pauls_wallet@yahoo.com", "paul_wallet@yahoo.com, paul_wallet@yahoo.com" })
    void emailsCompareWithoutCaseOrSurroundingSpaces(String said, String normal) {
        assertEquals(normal, Factor.email.normalise(said));
    }

    @ParameterizedTest(name = "phone \"{0}\" -> {1}")
    @CsvSource({ "4444, 4444", "44 44, 4444", "44-44, 4444", "(999) 123-4444, 4444", "4445, 4445" })
    void phonesCompareByTheirLastFourDigits(String said, String normal) {
        assertEquals(normal, Factor.phoneLast4.normalise(said));
    }

    @ParameterizedTest(name = "phone \"{0}\" has too few digits")
    @ValueSource(strings = { "444", "-", "" })
    void fewerThanFourDigitsAreNoPhoneEnding(String said) {
        assertNull(Factor.phoneLast4.normalise(said));
    }
}
