/**
 * ONNX export ({@link org.neurite.onnx.OnnxExport}) and import ({@link org.neurite.onnx.OnnxImport})
 * of Neurite models, in pure Java, with the classes protoc generates from the official
 * {@code onnx.proto} ({@code org.neurite.onnx.proto}).
 */
package org.neurite.onnx;
