package importer

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kembang/backend/domain"
)

// templateRows is how many rows of the template carry drop-down validation.
const templateRows = 5000

// addEmployeeValidation adds the Jenis Kelamin (L/P) and Golongan drop-down
// lists to a written template. Data validation cannot be set through the
// StreamWriter, so the small template is reopened.
func addEmployeeValidation(data []byte) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for _, v := range []struct {
		header string
		list   []string
		style  excelize.DataValidationErrorStyle
	}{
		{"Jenis Kelamin", []string{"L", "P"}, excelize.DataValidationErrorStyleStop},
		// A warning only: the importer also accepts "3c", "III-c"…
		{"Golongan", domain.Golongans, excelize.DataValidationErrorStyleWarning},
	} {
		col := -1
		for i, h := range EmployeeHeaders {
			if h == v.header {
				col = i + 1
			}
		}
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			return nil, err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = name + "2:" + name + strconv.Itoa(templateRows+1)
		if err := dv.SetDropList(v.list); err != nil {
			return nil, err
		}
		dv.SetError(v.style, v.header, "Pilih dari daftar: "+strings.Join(v.list, ", "))
		if err := f.AddDataValidation(SheetEmployees, dv); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
