/**
 * De-identification on import (ADR 0012): the PS3.15 Annex E Basic Application Level Confidentiality Profile
 * applied to a {@link org.calibra.dicom.DataSet}, keyed UID replacement, the burned-in text risk, and the
 * report of what changed (attributes and actions, never the values). Plain Java.
 */
package org.calibra.dicom.deid;
