package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What Trellis wrote for a connector: its grants ConfigMap and a summary of the document in it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectorStatus extends TrellisStatus {

  @JsonPropertyDescription(
    "Name of the ConfigMap, in the connector's namespace, that holds the grants document under the key"
        + " grants.json: <name>-grants.")
  private String grantsConfigMap;

  @JsonPropertyDescription("Number of managed resources in the grants document.")
  private Integer resources;

  @JsonPropertyDescription("Number of (subject, resource) entries in the grants document.")
  private Integer entries;

  @JsonPropertyDescription(
    "Revision of the grants document, the one its primary ConfigMap states (sha256:<hex> of its canonical form;"
        + " in a sharded v1alpha2 document, of the primary, which names every shard's revision): it changes exactly"
        + " when the document does.")
  private String revision;

  @JsonPropertyDescription(
    "Names of the further ConfigMaps (<name>-grants-1, -2, ...) holding the document: in format v1alpha1 those"
        + " a document too large for one ConfigMap is split into, in v1alpha2 its shards by resource. Absent when"
        + " the document is in one.")
  private List<String> shards;

  public String getGrantsConfigMap() {
    return grantsConfigMap;
  }

  public void setGrantsConfigMap(String grantsConfigMap) {
    this.grantsConfigMap = grantsConfigMap;
  }

  public Integer getResources() {
    return resources;
  }

  public void setResources(Integer resources) {
    this.resources = resources;
  }

  public Integer getEntries() {
    return entries;
  }

  public void setEntries(Integer entries) {
    this.entries = entries;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public List<String> getShards() {
    return shards;
  }

  public void setShards(List<String> shards) {
    this.shards = shards;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    ConnectorStatus that = (ConnectorStatus) o;
    return Objects.equals(grantsConfigMap, that.grantsConfigMap)
        && Objects.equals(resources, that.resources)
        && Objects.equals(entries, that.entries)
        && Objects.equals(revision, that.revision)
        && Objects.equals(shards, that.shards);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), grantsConfigMap, resources, entries, revision, shards);
  }
}
