package org.earchive.risk;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;

/** Subscribes to the archive's event topic: each submitted or archived case is examined for risk signals. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:app/jms/earchiveEvents"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(
                    propertyName = "messageSelector",
                    propertyValue = "type IN ('CASE_SUBMITTED', 'RECORD_ARCHIVED')")
        })
public class RiskListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(RiskListener.class.getName());

    @EJB
    RiskDetector detector;

    @Override
    public void onMessage(Message message) {
        String caseNumber = null;
        try {
            caseNumber = message.getStringProperty("caseNumber");
            if (caseNumber != null) {
                detector.examine(caseNumber);
            }
        } catch (JMSException | EarchiveException | RuntimeException e) {
            // a signal missed is not a case lost: the case is examined again when it is archived
            LOG.log(Level.WARNING, "Risk examination of " + caseNumber + " failed: " + e.getMessage(), e);
        }
    }
}
