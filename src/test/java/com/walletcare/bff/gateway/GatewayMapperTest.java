package com.walletcare.bff.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.walletcare.bff.care.Wallet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.Device;
import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.testing.GatewayTest;

/** Gateway JSON → public model, with an ObjectMapper as strict as the application's. */
class GatewayMapperTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private List<Wallet> read(String json) throws Exception {
        LookupResponse response = mapper.readValue(json, LookupResponse.class);
        return response.result().customers().stream().map(GatewayMapper::toWallet).toList();
    }

    @Test
    void theSeedAnswerWithItsRepeatedKeyYieldsBothCustomers() throws Exception {
        List<Wallet> wallets = read(GatewayTest.resource("/gateway/seed-lookup-response.json"));

        assertEquals(List.of("latYxDdNJhzm", "vmiTxZcaSEym"), wallets.stream().map(w -> w.customer().id()).toList());
        assertEquals(WalletStatus.ACTIVE, wallets.get(0).customer().status());
        assertEquals(WalletStatus.LOCKED, wallets.get(1).customer().status());
    }

    @Test
    void datesBecomeInstantsAndEmptyStringsBecomeNull() throws Exception {
        Customer paul = read(GatewayTest.resource("/gateway/seed-lookup-response.json")).get(1).customer();

        assertEquals(Instant.parse("2016-02-06T20:56:50.632Z"), paul.createdAt());
        assertEquals(Instant.parse("2016-02-06T20:56:50.632Z"), paul.passwordChangedAt());
        assertNull(paul.lastLoginAt());
        assertNull(paul.address().line2());
        assertEquals("445 Graceland Drive", paul.address().line1());
        assertEquals(Map.of("birthday", "07101969"), paul.additionalInformation());
        assertEquals("certnew", paul.issuingPartner());
        assertEquals(Boolean.TRUE, paul.emailVerified());
    }

    @Test
    void toleratesUnknownFieldsStringTypedScalarsAndTheLowercaseKey() throws Exception {
        String json = """
                { "retrieveCustomerLookUpInfoResponse": { "status": { "statusCode": "SUCCESS", "newThing": 1 },
                  "customerLookupInfo": [ { "customerId": "abc", "customerUri": "u", "active": "false", "locked": "true",
                    "createDate": "1454792210632", "lastLoginDate": "", "phone": "", "brandNewField": { "x": 1 } } ] },
                  "somethingElse": true }""";

        Customer customer = read(json).get(0).customer();

        assertEquals(WalletStatus.DEACTIVATED, customer.status());
        assertEquals(Instant.ofEpochMilli(1454792210632L), customer.createdAt());
        assertNull(customer.lastLoginAt());
        assertNull(customer.phone());
        assertNull(customer.address());
        assertTrue(customer.devices().isEmpty());
    }

    @Test
    void devicesTakeTheirIdNameTypeAndOwnStatus() throws Exception {
        String json = """
                { "retrieveCustomerLookUpInfoResponse": { "status": { "statusCode": "SUCCESS" },
                  "customerLookUpInfo": [ { "customerId": "abc", "customerUri": "u", "active": true, "locked": false,
                    "devices": [ { "deviceUri": "d#1", "name": "Tom's iPhone", "type": "IOS", "active": true },
                                 { "deviceId": "d#2", "deviceName": "Anna's Pixel", "deviceType": "ANDROID", "active": false },
                                 { "id": "d#3" } ] } ] } }""";

        List<Device> devices = read(json).get(0).customer().devices();

        assertEquals(List.of(new Device("d#1", "Tom's iPhone", "IOS", "ACTIVE"),
                new Device("d#2", "Anna's Pixel", "ANDROID", "DEACTIVATED"),
                new Device("d#3", null, null, null)), devices);
    }

    @Test
    void aRecordWithoutWalletFlagsIsRejectedRatherThanGuessed() throws Exception {
        String json = """
                { "retrieveCustomerLookUpInfoResponse": { "status": { "statusCode": "SUCCESS" },
                  "customerLookUpInfo": [ { "customerId": "abc", "customerUri": "u" } ] } }""";

        assertThrows(GatewayRejectedException.class, () -> read(json));
    }
}
