package com.walletcare.bff.care;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a wallet's history, newest first. */
@Schema(name = "History")
public record History(
        @Schema(required = true) String customerId,
        @Schema(required = true) List<HistoryEntry> actions,
        @Schema(required = true, nullable = true,
                description = "Opaque cursor for ?before= to get the next (older) page; null on the last page") String next) {

    /** A page from up to {@code limit + 1} entries, newest first: the one past the limit says there is a next page. */
    public static History page(String customerId, List<HistoryEntry> entries, int limit) {
        if (entries.size() <= limit) {
            return new History(customerId, entries, null);
        }
        List<HistoryEntry> page = entries.subList(0, limit);
        return new History(customerId, List.copyOf(page), page.get(limit - 1).id());
    }
}
