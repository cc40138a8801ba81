package com.walletcare.bff.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.walletcare.bff.care.Wallet;
import com.walletcare.bff.customer.Address;
import com.walletcare.bff.customer.Customer;
import com.walletcare.bff.customer.Device;
import com.walletcare.bff.customer.WalletState;

/** Gateway record → public model: empty strings become null, epoch milliseconds become instants, URIs stay behind. */
final class GatewayMapper {

    private GatewayMapper() {
    }

    static Wallet toWallet(CustomerLookUpInfo info) {
        if (blank(info.customerId()) || info.active() == null || blank(info.customerUri())) {
            throw new GatewayRejectedException("The Paydiant gateway returned a customer record without its id or wallet flags.", false);
        }
        WalletState state = new WalletState(info.active(), Boolean.TRUE.equals(info.locked()));
        Customer customer = new Customer(
                info.customerId(),
                state.status(),
                state.availableActions(false),
                text(info.firstName()),
                text(info.lastName()),
                text(info.email()),
                info.emailVerified(),
                text(info.username()),
                text(info.phone()),
                address(info),
                additionalInformation(info.additionalCustomerInformation()),
                text(info.issuingPartnerShortName()),
                instant(info.createDate()),
                instant(info.lastLoginDate()),
                instant(info.passwordChangedDate()),
                devices(info.devices()),
                null,
                state.version(null));
        return new Wallet(customer, state,
                new PaydiantWalletRef(info.customerUri(), info.issuingPartnerUri(), info.partnerUri()));
    }

    static String text(String value) {
        return blank(value) ? null : value;
    }

    static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static final Address NO_ADDRESS = new Address(null, null, null, null, null, null);

    private static Address address(CustomerLookUpInfo info) {
        Address address = new Address(text(info.address1()), text(info.address2()), text(info.city()),
                text(info.state()), text(info.zip()), text(info.country()));
        return address.equals(NO_ADDRESS) ? null : address;
    }

    // Plain loops below, not streams: this runs for every record of every answer (a search's hot path).

    private static Map<String, String> additionalInformation(List<CustomerLookUpInfo.KeyValue> entries) {
        Map<String, String> information = new LinkedHashMap<>();
        if (entries != null) {
            for (CustomerLookUpInfo.KeyValue entry : entries) {
                if (entry != null && !blank(entry.key())) {
                    information.put(entry.key(), text(entry.value()));
                }
            }
        }
        return information;
    }

    /** The device object is undocumented: take the identifier, name and type under the names the platform uses elsewhere. */
    private static List<Device> devices(List<JsonNode> devices) {
        if (devices == null || devices.isEmpty()) {
            return List.of();
        }
        List<Device> mapped = new ArrayList<>(devices.size());
        for (JsonNode device : devices) {
            if (device != null) {
                JsonNode active = device.path("active");
                mapped.add(new Device(
                        field(device, "deviceUri", "deviceId", "id"),
                        field(device, "name", "deviceName"),
                        field(device, "type", "deviceType", "deviceTypeName"),
                        active.isMissingNode() || active.isNull() ? null : active.asBoolean() ? "ACTIVE" : "DEACTIVATED"));
            }
        }
        return Collections.unmodifiableList(mapped);
    }

    /** The first of the fields that holds a non-blank value. */
    private static String field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            String text = value.isValueNode() ? text(value.asText()) : null;
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
