package domain

// Codes used by the spreadsheet importer and the employee rules. They sit
// beside the codes in errors.go and are just as stable: the frontend and the
// CLI translate them, so never rename one.
const (
	CodeNIPSerial           = "nip.serial"           // digits 16–18 are 000
	CodePhoneNumberCell     = "phone.number_cell"    // Telepon stored as an Excel number (leading 0 lost)
	CodePositionDuplicate   = "position.duplicate"   // same Kode (or name and unit) earlier in the file
	CodeCompetencyDuplicate = "competency.duplicate" // same Kode earlier in the file

	// Warnings: the import may go ahead, but the admin should look.
	CodeImportPositionCreated = "import.position_created" // unknown position will be created, standards empty
	CodeImportUnitCreated     = "import.unit_created"     // unknown unit kerja will be created
	CodeImportGelarMoved      = "import.gelar_moved"      // titles written inside Nama moved to the gelar fields
	CodeImportColumnIgnored   = "import.column_ignored"   // a header the importer does not know
)
