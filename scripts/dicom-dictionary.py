#!/usr/bin/python3
"""Regenerates src/main/resources/org/calibra/dicom/dictionary.tsv: tag, VR and keyword of every public
attribute of DICOM PS3.6, as extracted by Debian's python3-pydicom (MIT licence; the data is the standard's).
Run: /usr/bin/python3 scripts/dicom-dictionary.py > src/main/resources/org/calibra/dicom/dictionary.tsv"""
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary
import pydicom

print(f"# DICOM PS3.6 data dictionary (tag, VR, keyword) from pydicom {pydicom.__version__}; see scripts/dicom-dictionary.py")
for tag in sorted(DicomDictionary):
    vr, _vm, _name, retired, keyword = DicomDictionary[tag]
    if keyword and (tag >> 16) != 0xFFFE:
        print(f"{tag:08X}\t{vr.split(' ')[0]}\t{keyword}")
for mask in sorted(RepeatersDictionary):  # e.g. 60xx3000: the group's xx stays as written
    vr, _vm, _name, retired, keyword = RepeatersDictionary[mask]
    if keyword:
        print(f"{mask.upper().replace('X', 'x')}\t{vr.split(' ')[0]}\t{keyword}")
