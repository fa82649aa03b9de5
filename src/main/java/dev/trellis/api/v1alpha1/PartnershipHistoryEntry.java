package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One change of a partnership's phase: when, to what, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnershipHistoryEntry {

  @JsonPropertyDescription("The phase the partnership entered.")
  private PartnershipPhase phase;

  @JsonPropertyDescription("When it entered the phase (RFC 3339).")
  private String time;

  @JsonPropertyDescription("CamelCase reason for the change, such as Accepted or PausedByCustomer.")
  private String reason;

  @JsonPropertyDescription("One sentence saying what happened.")
  private String message;

  public PartnershipHistoryEntry() {}

  public PartnershipHistoryEntry(PartnershipPhase phase, String time, String reason, String message) {
    this.phase = phase;
    this.time = time;
    this.reason = reason;
    this.message = message;
  }

  public PartnershipPhase getPhase() {
    return phase;
  }

  public void setPhase(PartnershipPhase phase) {
    this.phase = phase;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartnershipHistoryEntry e && phase == e.phase && Objects.equals(time, e.time)
        && Objects.equals(reason, e.reason) && Objects.equals(message, e.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, time, reason, message);
  }

  @Override
  public String toString() {
    return time + " " + phase + " (" + reason + "): " + message;
  }
}
