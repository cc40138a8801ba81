package com.walletcare.bff.gateway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

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

    private static Address address(CustomerLookUpInfo info) {
        Address address = new Address(text(info.address1()), text(info.address2()), text(info.city()),
                text(info.state()), text(info.zip()), text(info.country()));
        return address.equals(new Address(null, null, null, null, null, null)) ? null : address;
    }

    private static Map<String, String> additionalInformation(List<CustomerLookUpInfo.KeyValue> entries) {
        Map<String, String> information = new LinkedHashMap<>();
        if (entries != null) {
            entries.stream()
                    .filter(entry -> entry != null && !blank(entry.key()))
                    .forEach(entry -> information.put(entry.key(), text(entry.value())));
        }
        return information;
    }

    /** The device object is undocumented: take the identifier, name and type under the names the platform uses elsewhere. */
    private static List<Device> devices(List<JsonNode> devices) {
        if (devices == null) {
            return List.of();
        }
        return devices.stream()
                .filter(Objects::nonNull)
                .map(device -> new Device(
                        field(device, "deviceUri", "deviceId", "id"),
                        field(device, "name", "deviceName"),
                        field(device, "type", "deviceType", "deviceTypeName"),
                        device.path("active").isMissingNode() || device.path("active").isNull() ? null
                                : device.path("active").asBoolean() ? "ACTIVE" : "DEACTIVATED"))
                .toList();
    }

    private static String field(JsonNode node, String... names) {
        return Stream.of(names)
                .map(node::path)
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .map(GatewayMapper::text)
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }
}
