package dev.trellis.api.v1alpha1;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Sets the OpenAPI {@code format} of one string property, which fabric8's generator has no annotation for:
 * {@code @SchemaCustomizer(value = StringFormat.class, input = "expiresAt=date-time")}. The generator's own
 * MergePatchCustomizer cannot do it, as it replaces the whole properties map instead of merging into it.
 */
public final class StringFormat implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(JSONSchemaProps schema, String input, KubernetesSerialization serialization) {
    String[] propertyAndFormat = input.split("=", 2);
    JSONSchemaProps property = schema.getProperties().get(propertyAndFormat[0]);
    if (property == null || propertyAndFormat.length != 2) {
      throw new IllegalArgumentException("StringFormat wants <property>=<format> naming a property, not " + input);
    }
    property.setFormat(propertyAndFormat[1]);
    return schema;
  }
}
