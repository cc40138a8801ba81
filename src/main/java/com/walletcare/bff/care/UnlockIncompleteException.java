package com.walletcare.bff.care;

import com.walletcare.bff.customer.WalletStatus;
import com.walletcare.bff.journal.JournalUnavailableException;

/**
 * The unlock stopped after its deactivation: re-activating failed, or could not be sent because this replica could
 * not reach its journal to prove it still held the wallet. Repeating the unlock completes it; when the journal was
 * the cause, recovery also completes it once the journal is back. The status is the one a lookup reported after the
 * failure, or null when even that lookup failed. Worded here, about the wallet: never a library's message.
 */
public class UnlockIncompleteException extends RuntimeException {

    private final String customerId;
    private final WalletStatus customerStatus;

    public UnlockIncompleteException(String customerId, Throwable failure, WalletStatus customerStatus) {
        super(message(customerId, failure, customerStatus), failure, false, false);
        this.customerId = customerId;
        this.customerStatus = customerStatus;
    }

    private static String message(String customerId, Throwable failure, WalletStatus status) {
        String now = status == null ? "its status could not be read" : "it is " + status + " now";
        String begin = "The unlock of customer '" + customerId + "' stopped after the wallet was deactivated, and " + now;
        if (failure instanceof JournalUnavailableException) {
            return begin + ": this service's care journal could not be reached, so the wallet was not re-activated."
                    + " The service completes the unlock once its journal is back; repeating the unlock then also completes it.";
        }
        String activation = failure instanceof WalletChangeFailedException write && !write.walletUnchanged()
                ? " (that activation may still be applied)" : "";
        return begin + ": re-activating it at the gateway did not succeed" + activation + ". Repeat the unlock to complete it.";
    }

    public String customerId() {
        return customerId;
    }

    public WalletStatus customerStatus() {
        return customerStatus;
    }
}
