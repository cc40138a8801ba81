package com.walletcare.bff.api;

import java.util.regex.Pattern;


/** The history's paging parameters, checked: a cursor is an id this service gave out, a limit 1-100 (default 20). */
final class HistoryPaging {

    private static final Pattern CURSOR = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    private HistoryPaging() {
    }

    static String cursor(String before) {
        if (before != null && !CURSOR.matcher(before).matches()) {
            throw InvalidRequestException.of("before", "Not a cursor this service gave out: use a page's next.");
        }
        return before;
    }

    static int limit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.of("limit", "A page has 1 to 100 entries.");
    }
}
