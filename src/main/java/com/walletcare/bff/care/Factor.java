package com.walletcare.bff.care;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.walletcare.bff.customer.Address;
import com.walletcare.bff.customer.Customer;

/**
 * What a caller can be asked, each with its normal form: the caller's answer and the gateway's value are compared
 * only in it. The constants are named as the verification's JSON fields.
 */
public enum Factor {

    /** A calendar date, in any spelling {@link #date} reads; the gateway keeps it as MMDDYYYY text. */
    birthday {
        @Override
        public String normalise(String answer) {
            LocalDate date = date(answer);
            return date == null ? null : date.toString();
        }

        @Override
        String stored(Customer customer) {
            return normalise(customer.additionalInformation().get("birthday"));
        }
    },
    /** A US ZIP code: its first five digits (ZIP+4 is the same place), or a foreign postcode without spaces. */
    zip {
        @Override
        public String normalise(String answer) {
            String compact = SPACES.matcher(answer).replaceAll("").toUpperCase(Locale.ROOT);
            return ZIP_PLUS_4.matcher(compact).matches() ? compact.substring(0, 5) : compact;
        }

        @Override
        String stored(Customer customer) {
            Address address = customer.address();
            return address == null || address.zip() == null ? null : normalise(address.zip());
        }
    },
    /** Case-insensitive, trimmed. */
    email {
        @Override
        public String normalise(String answer) {
            return answer.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        String stored(Customer customer) {
            return customer.email() == null ? null : normalise(customer.email());
        }
    },
    /** The last four digits of the phone number, whatever the formatting. */
    phoneLast4 {
        @Override
        public String normalise(String answer) {
            String digits = NON_DIGITS.matcher(answer).replaceAll("");
            return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
        }

        @Override
        String stored(Customer customer) {
            return customer.phone() == null ? null : normalise(customer.phone());
        }
    };

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    private static final Pattern ZIP_PLUS_4 = Pattern.compile("\\d{5}-?\\d{4}");
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\p{Alpha})\\.");
    private static final Pattern ORDINAL = Pattern.compile("(?i)(?<=\\d)(st|nd|rd|th)\\b");
    private static final Pattern COMMAS_AND_SPACES = Pattern.compile("[,\\s]+");
    /**
     * How callers say a date, month first where the order is ambiguous (the gateway is a US one). Two-digit years
     * are not read: 07/10/69 could be 1969 or 2069.
     */
    private static final List<DateTimeFormatter> DATES = List.of("M/d/uuuu", "M-d-uuuu", "M.d.uuuu", "M d uuuu", "uuuu-M-d",
            "uuuu/M/d", "MMdduuuu", "MMMM d uuuu", "MMM d uuuu", "d MMMM uuuu", "d MMM uuuu").stream()
            .map(pattern -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    /** The answer in normal form; null when it cannot be read as this factor at all. */
    public abstract String normalise(String answer);

    /** The gateway's value in normal form; null when the gateway holds none. */
    abstract String stored(Customer customer);

    /** The date a caller said ("07/10/1969", "1969-07-10", "07101969", "July 10th, 1969", "10 Jul 1969"), or null. */
    static LocalDate date(String said) {
        if (said == null) {
            return null;
        }
        String bare = ORDINAL.matcher(ABBREVIATION_DOT.matcher(said).replaceAll("")).replaceAll("");
        String spoken = COMMAS_AND_SPACES.matcher(bare).replaceAll(" ").strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(spoken, format);
            } catch (DateTimeParseException unread) {
                // the next spelling
            }
        }
        return null;
    }
}
