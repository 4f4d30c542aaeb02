package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.neurite.core.spi.LayerType;
import org.opentest4j.AssertionFailedError;
import org.neurite.testkit.CenteredScaleType.Bug;

/** The layer contract passes a correct layer and catches each kind of broken one. */
class LayerContractTest {

    @Nested
    class ACorrectLayerWithParametersStateAndRandomnessPassesTheContract extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new CenteredScaleType(Bug.NONE);
        }
    }

    @Test
    void aWrongInputGradientIsCaught() {
        String message = failure(Bug.WRONG_INPUT_GRADIENT,
                LayerContract::gradientWithRespectToTheInputMatchesFiniteDifferences);
        assertTrue(message.startsWith("Gradient check of layer type 'centered_scale' (input"), message);
    }

    @Test
    void aWrongParameterGradientIsCaught() {
        String message = failure(Bug.WRONG_PARAMETER_GRADIENT,
                LayerContract::gradientOfEveryTrainableParameterMatchesFiniteDifferences);
        assertTrue(message.contains("(parameter centered_scale_1/scale"), message);
    }

    @Test
    void anInferenceThatUpdatesTheMovingStatisticIsCaught() {
        String message = failure(Bug.INFERENCE_WRITES_STATE, LayerContract::inferenceIsDeterministicAndWritesNoState);
        assertTrue(message.contains("an inference pass changed the network's arrays"), message);
    }

    @Test
    void anInferenceThatOverwritesWhatBackwardNeedsIsCaught() {
        String message = failure(Bug.INFERENCE_CLOBBERS_TRAINING_BUFFER,
                LayerContract::inferenceInBetweenLeavesAPendingBackwardUnchanged);
        assertTrue(message.contains("an inference pass in between changed the parameter gradients"), message);
    }

    @Test
    void stateKeptOutsideTheDeclaredArraysIsCaught() {
        String message = failure(Bug.HIDDEN_STATE, LayerContract::arraysCopiedOutAndBackGiveIdenticalInference);
        assertTrue(message.contains("keeps state outside the arrays it declared"), message);
    }

    @Test
    void randomnessNotDrawnFromThePassIsCaught() {
        String message = failure(Bug.OWN_RANDOM, LayerContract::sameSeedsGiveBitIdenticalTraining);
        assertTrue(message.contains("draw random numbers only from Pass.random()"), message);
    }

    @Test
    void anInferenceThatDependsOnTheBatchIsCaught() {
        String message = failure(Bug.BATCH_DEPENDENT_INFERENCE,
                LayerContract::inferenceOfSingleRowsEqualsInferenceOfTheBatch);
        assertTrue(message.contains("inference must treat each sample on its own"), message);
    }

    @Test
    void anOutputElementLeftUnwrittenIsCaught() {
        String message = failure(Bug.SKIPS_LAST_ELEMENT, LayerContract::forwardAndBackwardWriteEveryElementOfTheirOutputs);
        assertTrue(message.contains("pre-filled with NaN"), message);
    }

    @Test
    void aForwardThatWritesIntoItsInputIsCaught() {
        String message = failure(Bug.MODIFIES_INPUT, LayerContract::forwardAndBackwardDoNotModifyTheirInputs);
        assertTrue(message.contains("the training forward pass modified its input"), message);
    }

    @Test
    void allocationInForwardIsCaught() {
        String message = failure(Bug.ALLOCATES, LayerContract::forwardAndBackwardAllocateNothingOnceBuffersExist);
        assertTrue(message.contains("allocate nothing in forward or backward"), message);
    }

    @Test
    void aCamelCaseNameIsCaught() {
        String message = failure(Bug.CAMEL_CASE_NAME, LayerContract::nameIsNonBlankLowerSnakeCaseAndStable);
        assertTrue(message.contains("'centeredScale', which is not lower_snake_case"), message);
    }

    @Test
    void aLayerThatFailsForAnotherAcceptedValueIsCaught() {
        String message = failure(Bug.NON_FINITE_FOR_OTHER_VALUES,
                LayerContract::everyAcceptedValueCreatesAWorkingLayerAndLeavesTheTypeUnchanged);
        assertTrue(message.contains("with momentum = "), message);
    }

    @Test
    void anOutOfRangeHyperparameterIsRejectedByTheDeclarations() {
        // The shared component checks run for layer types too: momentum outside [0, 1] is refused.
        contract(Bug.NONE).outOfRangeHyperparameterIsRejected();
    }

    /** The contract for a layer type with {@code bug}. */
    private static LayerContract contract(Bug bug) {
        return new LayerContract() {
            @Override
            protected LayerType layerType() {
                return new CenteredScaleType(bug);
            }

            @Override
            protected Map<String, Object> hyperparameters() {
                return Map.of();
            }
        };
    }

    private interface Check {
        void run(LayerContract contract) throws Exception;
    }

    private static String failure(Bug bug, Check check) {
        LayerContract contract = contract(bug);
        Executable e = () -> check.run(contract);
        return assertThrows(AssertionFailedError.class, e, "the contract did not catch " + bug).getMessage();
    }
}
