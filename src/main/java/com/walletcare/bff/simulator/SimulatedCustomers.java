package com.walletcare.bff.simulator;

import java.util.List;
import java.util.Map;

/** The simulator's seed: the use case's Olivia and locked Paul (one phone), and wallets in the other states. */
final class SimulatedCustomers {

    private SimulatedCustomers() {
    }

    record Seed(String customerId, String externalId, boolean active, boolean locked, String firstName,
            String lastName, String email, String phone, String address1, String address2, String city,
            String state, String zip, long createDate, long passwordChangedDate, String birthday, List<Map<String, Object>> devices) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("latYxDdNJhzm", "ACC-1001", true, false, "Olivia", "Smith", "olivia_wallet_user@hotmail.com",
                    "9991234444", "2750 Grove St", "Apt 2", "Newton", "MA", "02246", 1493069461632L, 1493069461703L, "08281970",
                    List.of()),
            new Seed("vmiTxZcaSEym", "ACC-1002", true, true, "Paul", "Casey", "pauls_wallet@yahoo.com",
                    "9991234444", "445 Graceland Drive", "", "Laguna Beach", "CA", "92651", 1454792210632L,
                    1454792210632L, "07101969", List.of()),
            new Seed("qPzR4mWd8sKe", "ACC-1003", false, false, "Dana", "Reyes", "dana.reyes@example.com",
                    "6175550142", "12 Harbor Way", "", "Boston", "MA", "02110", 1577880000000L, 1577880000071L, "03151985",
                    List.of()),
            new Seed("rG5nB8yTz2Wc", "ACC-1004", false, true, "Rita", "Moreno", "rita.moreno@example.com",
                    "4155550199", "900 Market St", "Suite 5", "San Francisco", "CA", "94103", 1609459200000L,
                    1609459200071L, "11111990", List.of()),
            new Seed("hT7vXk2LmNq9", "ACC-1005", true, false, "Tom", "Baker", "tom.baker@example.com",
                    "2125550123", "77 Hudson St", "", "New York", "NY", "10013", 1640995200000L, 1640995200071L, "06061975",
                    List.of(
                            Map.of("deviceUri", "certnew:entity:device#6f1c2a90-1d3e-4b8a-9f0e-3a2b1c4d5e6f",
                                    "name", "Tom's iPhone", "type", "IOS", "active", true),
                            Map.of("deviceUri", "certnew:entity:device#0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
                                    "name", "Anna's Pixel", "type", "ANDROID", "active", false))));
}
